namespace Multistage.Core.Text;

/// <summary>A unified diff of two small texts (Docker files: a few hundred lines), from their longest common
/// subsequence of lines, with <see cref="Context"/> unchanged lines around each change.</summary>
public static class LineDiff
{
    public const int Context = 2;

    /// <returns>The hunks' lines ("@@ -a,b +c,d @@", then " ", "-" and "+" lines); empty when the texts are equal.</returns>
    public static IReadOnlyList<string> Unified(string before, string after)
    {
        var old = Lines(before);
        var @new = Lines(after);
        var edits = Edits(old, @new);
        var output = new List<string>();
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: the change, the context before it, and every change within 2 * Context lines after it.
            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < edits.Count)
            {
                var nextChange = edits.FindIndex(end, e => e.Kind != ' ');
                if (nextChange < 0 || nextChange - end > 2 * Context)
                {
                    break;
                }

                end = edits.FindIndex(nextChange, e => e.Kind == ' ') is var same && same < 0 ? edits.Count : same;
            }

            end = Math.Min(edits.Count, end + Context);
            var hunk = edits.GetRange(start, end - start);
            var oldStart = edits.Take(start).Count(e => e.Kind != '+') + 1;
            var newStart = edits.Take(start).Count(e => e.Kind != '-') + 1;
            output.Add($"@@ -{oldStart},{hunk.Count(e => e.Kind != '+')} +{newStart},{hunk.Count(e => e.Kind != '-')} @@");
            output.AddRange(hunk.Select(e => $"{e.Kind}{e.Line}"));
            i = end;
        }

        return output;
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private readonly record struct Edit(char Kind, string Line);

    private static List<Edit> Edits(string[] old, string[] @new)
    {
        // common[i, j]: the longest common subsequence of old[i..] and new[j..].
        var common = new int[old.Length + 1, @new.Length + 1];
        for (var i = old.Length - 1; i >= 0; i--)
        {
            for (var j = @new.Length - 1; j >= 0; j--)
            {
                common[i, j] = old[i] == @new[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int a = 0, b = 0;
        while (a < old.Length || b < @new.Length)
        {
            if (a < old.Length && b < @new.Length && old[a] == @new[b])
            {
                edits.Add(new Edit(' ', old[a++]));
                b++;
            }
            else if (a < old.Length && (b == @new.Length || common[a + 1, b] >= common[a, b + 1]))
            {
                // Removals first, as diff prints them.
                edits.Add(new Edit('-', old[a++]));
            }
            else
            {
                edits.Add(new Edit('+', @new[b++]));
            }
        }

        return edits;
    }
}
