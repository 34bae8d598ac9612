namespace Multistage.Core.Dockerize;

/// <summary>Read-only access to the project a detector looks at, with paths relative to its root and
/// '/' between folders (as Dockerfiles and the user's own tools write them).</summary>
public sealed class ProjectFolder(string root)
{
    /// <summary>Folders that hold dependencies, build output or history, never a project's own sources.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        ".git", "node_modules", "bin", "obj", "target", "__pycache__", ".venv", "venv", "dist", "build", ".idea", ".vs", ".vscode",
    };

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Option values the user gave on the command line (--set project-file=...): a detector reads
    /// the project they name instead of picking one itself. Empty when nothing was given.</summary>
    public IReadOnlyDictionary<string, string> Given { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string FolderName => Path.GetFileName(Root.TrimEnd(Path.DirectorySeparatorChar));

    public bool Exists(string relative) => File.Exists(Full(relative));

    public bool FolderExists(string relative) => Directory.Exists(Full(relative));

    public string? Read(string relative) => Exists(relative) ? File.ReadAllText(Full(relative)) : null;

    /// <summary>The folder's direct subfolders (skipping dependency and output folders), sorted.</summary>
    public IReadOnlyList<string> Folders(string relative = "") =>
        FolderExists(relative)
            ? Directory.GetDirectories(Full(relative))
                .Select(Path.GetFileName).OfType<string>()
                .Where(n => !Skipped.Contains(n) && !n.StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .Select(n => Join(relative, n))
                .ToList()
            : [];

    /// <summary>Files directly in <paramref name="relative"/> matching <paramref name="pattern"/>, sorted.</summary>
    public IReadOnlyList<string> Files(string relative, string pattern) =>
        FolderExists(relative)
            ? Directory.GetFiles(Full(relative), pattern)
                .Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal)
                .Select(n => Join(relative, n))
                .ToList()
            : [];

    /// <summary>Files matching <paramref name="pattern"/> in the root and up to <paramref name="depth"/> folders down.</summary>
    public IReadOnlyList<string> FilesBelow(string pattern, int depth)
    {
        var found = new List<string>();
        var level = new List<string> { "" };
        for (var i = 0; i <= depth && level.Count > 0; i++)
        {
            found.AddRange(level.SelectMany(f => Files(f, pattern)));
            level = level.SelectMany(f => Folders(f)).ToList();
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }

    private string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";
}
