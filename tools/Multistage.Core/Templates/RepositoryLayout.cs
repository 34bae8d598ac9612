namespace Multistage.Core.Templates;

/// <summary>Where things are in a clone of the repository, found from wherever the tests or the CLI happen to run.</summary>
public static class RepositoryLayout
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "Templates.sln";

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> (default: the current directory, then the running
    /// assembly's folder, so tests run from bin/ still find it) to the folder holding Templates.sln.
    /// </summary>
    public static string FindRoot(string? startDirectory = null)
    {
        var starts = startDirectory is not null
            ? new[] { startDirectory }
            : new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        return starts.Select(TryFindRoot).FirstOrDefault(root => root is not null)
            ?? throw new DirectoryNotFoundException(
                $"No {RootMarker} with a templates/ folder found in '{string.Join("' or '", starts)}' or any parent folder: " +
                "this needs a clone of the repository.");
    }

    /// <summary>The clone holding <paramref name="startDirectory"/> (or a parent), or null outside any clone.</summary>
    public static string? TryFindRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RootMarker)) && Directory.Exists(TemplatesDirectory(dir.FullName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public static string TemplatesDirectory(string root) => Path.Combine(root, "templates");
}
