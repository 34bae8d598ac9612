namespace Multistage.Core.Dockerize;

/// <summary>A path a project file names relative to its own folder (a ProjectReference, a requirements list's
/// -r include), as a path from the root of the folder init reads.</summary>
internal static class RelativePath
{
    /// <param name="folder">The naming file's folder from the root ("src/Api", or "" at the root).</param>
    /// <param name="relative">"../Core/Core.csproj", ".\base.txt": either separator, "." and ".." parts.</param>
    /// <returns>The root-relative path, or null when it leaves the root (no build context there can hold it).</returns>
    public static string? Resolve(string folder, string relative)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }
}
