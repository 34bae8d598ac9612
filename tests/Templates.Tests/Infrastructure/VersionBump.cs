using System.Text.RegularExpressions;
using Multistage.Core.Pipeline;

namespace Templates.Tests.Infrastructure;

/// <summary>What the bump tests (<c>ToolchainBumpTests</c>, <c>BaseLineBumpTests</c>) share: the made-up next
/// version, the copy a bump is done on, the files it changed, and the pitfall edits that still have to apply.</summary>
public static partial class VersionBump
{
    /// <summary>A version no template offers, shaped like <paramref name="old"/>: its first number 98, any others 0
    /// (1.27 gives 98.0, 24 gives 98, net10.0 gives net98.0, debian13 gives debian98); without digits, "bumped".</summary>
    public static string NextVersion(string old)
    {
        var numbers = 0;
        return Number().IsMatch(old) ? Number().Replace(old, _ => numbers++ == 0 ? "98" : "0") : "bumped";
    }

    /// <summary>Makes <paramref name="copy"/> a copy of the template folder(s) at <paramref name="original"/>, without local build outputs.</summary>
    public static void CopyTemplates(string original, string copy) => FileTree.Replace(original, copy, BuildOutputs.IsBuildOutputFolder);

    /// <summary>The files of <paramref name="copy"/> (relative, '/', sorted) whose text is not <paramref name="original"/>'s.</summary>
    public static List<string> ChangedFiles(string copy, string original) =>
        FileTree.RelativeFiles(copy)
            .Where(f => File.ReadAllText(Path.Combine(copy, f)) != File.ReadAllText(Path.Combine(original, f)))
            .ToList();

    /// <summary>pitfalls.json is not rendered: fails when one of <paramref name="pitfall"/>'s edits finds no text in the
    /// bumped <paramref name="sample"/>, saying what was bumped and how to write the find instead.</summary>
    public static void AssertEditsApply(string language, Pitfall pitfall, string sample, string bumped, string advice)
    {
        var lost = (pitfall.Edits ?? []).Where(e => !e.FindsIn(sample)).Select(e => $"{e.File}: \"{e.Find}\"").ToList();
        Assert.True(lost.Count == 0,
            $"Pitfall '{language}-{pitfall.Name}' finds no [{string.Join("; ", lost)}] after {bumped} (sample: {sample}): " +
            $"{Pitfall.FileName} is not rendered, so {advice}");
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
