using System.Text.RegularExpressions;

namespace Generator.Tests;

/// <summary>The rule for every <c>uses:</c> in a workflow the tool writes: an action pinned to a full
/// 40-hex commit, followed by its release as a comment (<c>actions/checkout@&lt;sha&gt; # v5.1.0</c>).
/// A tag or a short commit could be moved or collide; the comment is how readers and bots know the release.</summary>
public static partial class ActionPins
{
    // Any line naming a `uses` key, however it is written, so a flow mapping cannot slip past the rule.
    [GeneratedRegex(@"\buses\s*:")]
    private static partial Regex UsesKey();

    [GeneratedRegex(@"^\s*(- )?uses: [A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40} # v[0-9]+(\.[0-9]+){0,2}$")]
    private static partial Regex PinnedUses();

    /// <summary>The <c>uses:</c> lines of a workflow's text, each with whether it follows the rule.</summary>
    public static IReadOnlyList<(int Line, string Text, bool Pinned)> Check(string workflowText) =>
        workflowText.Split('\n')
            .Select((text, index) => (Line: index + 1, Text: text))
            .Where(line => UsesKey().IsMatch(line.Text))
            .Select(line => (line.Line, line.Text, PinnedUses().IsMatch(line.Text)))
            .ToList();
}
