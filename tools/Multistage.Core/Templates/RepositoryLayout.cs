namespace Multistage.Core.Templates;

/// <summary>Where things are in the repository, found from wherever the tests or the CLI happen to run.</summary>
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
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, RootMarker)))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException(
            $"No {RootMarker} found in '{string.Join("' or '", starts)}' or any parent folder. " +
            "Run from inside the repository, or pass the repository path explicitly.");
    }

    public static string TemplatesDirectory(string root) => Path.Combine(root, "templates");

    /// <summary>tests/Templates.Tests/Snapshots: the verified output trees of the snapshot tests.</summary>
    public static string SnapshotsDirectory(string root) => Path.Combine(root, "tests", "Templates.Tests", "Snapshots");
}
