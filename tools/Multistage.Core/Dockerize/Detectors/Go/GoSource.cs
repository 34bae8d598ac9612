using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Go;

/// <summary>A Go source file of the project: its path, its text, and the line of a position in it
/// (for the file:line every value and warning names).</summary>
public sealed record GoSource(string Path, string Text)
{
    /// <summary>1-based line number of <paramref name="index"/>.</summary>
    public int LineOf(int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>"main.go:12" for a match in this file.</summary>
    public string At(Match match) => At(match.Index);

    public string At(int index) => $"{Path}:{LineOf(index)}";

    /// <summary>The non-test .go files of the project below its root (never vendor/ or testdata/), sorted.</summary>
    public static IReadOnlyList<GoSource> All(ProjectFolder folder) =>
        folder.FilesBelow("*.go", 6)
            .Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal))
            .Where(f => !f.Split('/').Any(part => part is "vendor" or "testdata"))
            .Select(f => new GoSource(f, folder.Read(f) ?? ""))
            .ToList();
}
