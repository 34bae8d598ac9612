namespace Templates.Tests.Infrastructure;

/// <summary>
/// Folders that toolchains create inside template folders on a developer's machine. They are not part of a
/// template (Templates.csproj leaves them out of the package), so tests leave them out too.
/// </summary>
public static class BuildOutputs
{
    public static IReadOnlySet<string> Folders { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "bin", "obj", "node_modules", "target", "__pycache__", ".venv",
    };

    public static bool IsBuildOutputFolder(string folderName) => Folders.Contains(folderName);
}
