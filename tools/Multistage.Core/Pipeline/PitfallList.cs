using System.Text;
using System.Text.RegularExpressions;

namespace Multistage.Core.Pipeline;

/// <summary>
/// The "## Pitfalls" section of a template's README.md, written from its pitfalls.json so the two never
/// disagree: one bullet per pitfall or lesson (title, why, fix), wrapped for reading. PitfallDefinitionTests
/// holds each README to it, and rewrites the section when snapshots are accepted.
/// </summary>
public static partial class PitfallList
{
    public const string Heading = "## Pitfalls";

    private const int Width = 100;

    /// <summary>The section's bullets, each line at most <see cref="Width"/> characters where words (and
    /// code spans) allow.</summary>
    public static string Markdown(IEnumerable<Pitfall> pitfalls)
    {
        var text = new StringBuilder();
        foreach (var pitfall in pitfalls)
        {
            Wrap(text, $"- **{pitfall.Title}.** {pitfall.Why} {pitfall.Fix}");
        }

        return text.ToString();
    }

    /// <summary>The section in <paramref name="readme"/>: the lines after the heading's blank line up to the
    /// next blank line or template directive; null when the README has no such heading.</summary>
    public static (int Start, int Length)? Find(string readme)
    {
        var heading = readme.IndexOf($"\n{Heading}\n\n", StringComparison.Ordinal);
        if (heading < 0)
        {
            return null;
        }

        var start = heading + Heading.Length + 3;
        var end = start;
        while (end < readme.Length && readme[end] != '\n' && !readme.AsSpan(end).StartsWith("<!--#"))
        {
            var next = readme.IndexOf('\n', end);
            end = next < 0 ? readme.Length : next + 1;
        }

        return (start, end - start);
    }

    /// <summary>Words, where a code span with its spaces counts as one: a line never breaks inside `...`.</summary>
    [GeneratedRegex(@"[^\s`]*(?:`[^`]*`[^\s`]*)+|\S+")]
    private static partial Regex Words();

    private static void Wrap(StringBuilder text, string bullet)
    {
        var line = new StringBuilder();
        var empty = true;
        foreach (var word in Words().Matches(bullet).Select(m => m.Value))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                // Continuation lines are indented under the bullet's text.
                line.Clear().Append("  ");
                empty = true;
            }

            line.Append(empty ? "" : " ").Append(word);
            empty = false;
        }

        text.Append(line).Append('\n');
    }
}
