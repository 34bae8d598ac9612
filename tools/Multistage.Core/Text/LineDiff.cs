using System.Text;

namespace Multistage.Core.Text;

/// <summary>
/// A small unified diff (LCS over lines, 3 lines of context): snapshot failure messages, and what
/// `init --dry-run` would change in a file that exists.
/// Line endings are part of a line, so CRLF and a missing final newline show up as changes.
/// </summary>
public static class LineDiff
{
    private const int Context = 3;

    // Above this many cells the LCS table would cost too much memory; the diff then replaces the whole middle.
    private const long MaxTableCells = 16_000_000;

    private enum Op { Keep, Delete, Insert }

    private readonly record struct Edit(Op Op, string Line, int OldIndex, int NewIndex);

    /// <summary>A unified diff of <paramref name="oldText"/> to <paramref name="newText"/>; empty when they are equal.</summary>
    public static string Unified(string oldText, string newText, string oldLabel, string newLabel)
    {
        if (oldText == newText)
        {
            return "";
        }
        var edits = Edits(SplitLines(oldText), SplitLines(newText));
        var output = new StringBuilder();
        output.Append("--- ").AppendLine(oldLabel);
        output.Append("+++ ").AppendLine(newLabel);
        foreach (var (start, end) in Hunks(edits))
        {
            AppendHunk(output, edits, start, end);
        }
        return output.ToString();
    }

    /// <summary>Lines with their "\n" kept, so a last line without one differs from the same line with one.</summary>
    private static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines.ToArray();
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var edits = new List<Edit>();
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new Edit(Op.Keep, a[i], i, i));
        }
        MiddleEdits(a, b, prefix, a.Length - suffix, b.Length - suffix, edits);
        for (var k = suffix; k > 0; k--)
        {
            edits.Add(new Edit(Op.Keep, a[^k], a.Length - k, b.Length - k));
        }
        return edits;
    }

    private static void MiddleEdits(string[] a, string[] b, int from, int aEnd, int bEnd, List<Edit> edits)
    {
        int n = aEnd - from, m = bEnd - from;
        if ((long)n * m > MaxTableCells)
        {
            for (var i = 0; i < n; i++) edits.Add(new Edit(Op.Delete, a[from + i], from + i, from));
            for (var j = 0; j < m; j++) edits.Add(new Edit(Op.Insert, b[from + j], from + n, from + j));
            return;
        }
        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..] (within the middle).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[from + i] == b[from + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[from + x] == b[from + y])
            {
                edits.Add(new Edit(Op.Keep, a[from + x], from + x, from + y));
                x++;
                y++;
            }
            else if (y < m && (x == n || lcs[x, y + 1] > lcs[x + 1, y]))
            {
                edits.Add(new Edit(Op.Insert, b[from + y], from + x, from + y));
                y++;
            }
            else
            {
                edits.Add(new Edit(Op.Delete, a[from + x], from + x, from + y));
                x++;
            }
        }
    }

    /// <summary>Index ranges [start, end) of the edit list to print: each change with its context, overlapping ones merged.</summary>
    private static List<(int Start, int End)> Hunks(List<Edit> edits)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Op == Op.Keep)
            {
                continue;
            }
            var start = Math.Max(0, i - Context);
            var end = Math.Min(edits.Count, i + 1 + Context);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }
        }
        return hunks;
    }

    private static void AppendHunk(StringBuilder output, List<Edit> edits, int start, int end)
    {
        var slice = edits.GetRange(start, end - start);
        var oldCount = slice.Count(e => e.Op != Op.Insert);
        var newCount = slice.Count(e => e.Op != Op.Delete);
        // Unified diff numbers lines from 1, and a range of zero lines starts at the line before it.
        var oldStart = oldCount == 0 ? slice[0].OldIndex : slice[0].OldIndex + 1;
        var newStart = newCount == 0 ? slice[0].NewIndex : slice[0].NewIndex + 1;
        output.AppendLine($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@");
        foreach (var edit in slice)
        {
            var marker = edit.Op switch { Op.Keep => ' ', Op.Delete => '-', _ => '+' };
            var line = edit.Line.EndsWith('\n') ? edit.Line[..^1] : edit.Line;
            output.Append(marker).AppendLine(line.Replace("\r", "\\r", StringComparison.Ordinal));
            if (!edit.Line.EndsWith('\n'))
            {
                output.AppendLine("\\ No newline at end of file");
            }
        }
    }
}
