using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Python;

/// <summary>One Python file of the project, read once: its path (relative, '/' separated) and text, and
/// where a regex match sits in it, as file:line for a detection's "from".</summary>
internal sealed record PythonSource(string Path, string Text)
{
    public string Where(Match match) => $"{Path}:{Line(match.Index)}";

    public int Line(int index) => Text.AsSpan(0, index).Count('\n') + 1;

    /// <summary>The matched line itself, trimmed, to quote in a message.</summary>
    public string Quote(Match match)
    {
        var start = Text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1;
        var end = Text.IndexOf('\n', match.Index);
        return Text[start..(end < 0 ? Text.Length : end)].Trim();
    }

    /// <summary>The project's own Python files: the root and two folders down, without dependency folders.</summary>
    public static IReadOnlyList<PythonSource> All(ProjectFolder folder) =>
        folder.FilesBelow("*.py", 2)
            .Where(p => !p.Split('/').Any(part => part is "tests" or "test" or "migrations") && !p.Split('/')[^1].StartsWith("test_", StringComparison.Ordinal))
            .Select(p => new PythonSource(p, folder.Read(p)!))
            .ToList();
}
