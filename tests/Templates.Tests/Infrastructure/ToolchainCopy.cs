using System.Text;
using System.Text.Json;

namespace Templates.Tests.Infrastructure;

/// <summary>
/// Keeps the item template's toolchain version symbol a copy of the project template's, its one source:
/// the raw JSON text of <see cref="CopiedFields"/> is spliced across, so the rest of the item template's
/// template.json (its own description, formatting and comments) stays as written.
/// </summary>
public static class ToolchainCopy
{
    /// <summary>What a version bump changes, and so what the item template copies.</summary>
    public static readonly IReadOnlyList<string> CopiedFields = ["defaultValue", "choices"];

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary><paramref name="itemJson"/> with symbols.<paramref name="symbol"/>'s copied fields taken from
    /// <paramref name="projectJson"/>; the same text when they already agree.</summary>
    /// <exception cref="InvalidDataException">Either file lacks the symbol or one of the fields.</exception>
    public static string Apply(string projectJson, string itemJson, string symbol)
    {
        var source = Encoding.UTF8.GetBytes(projectJson);
        var target = Encoding.UTF8.GetBytes(itemJson);
        var from = Spans(source, symbol, "the project template's template.json");
        var to = Spans(target, symbol, "the item template's template.json");
        var result = new List<byte>(target.Length);
        var at = 0;
        // Splice from the end backwards would need sorting anyway; go forwards in the target's order.
        foreach (var field in CopiedFields.OrderBy(f => to[f].Start))
        {
            var (start, end) = to[field];
            result.AddRange(target[at..start]);
            result.AddRange(source[from[field].Start..from[field].End]);
            at = end;
        }
        result.AddRange(target[at..]);
        return Encoding.UTF8.GetString(result.ToArray());
    }

    private static Dictionary<string, (int Start, int End)> Spans(byte[] json, string symbol, string what)
    {
        var spans = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, Options);
        string? rootProperty = null, symbolName = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }
            var name = reader.GetString();
            switch (reader.CurrentDepth)
            {
                case 1:
                    rootProperty = name;
                    break;
                case 2:
                    symbolName = rootProperty == "symbols" ? name : null;
                    break;
                case 3 when symbolName == symbol && name is not null && CopiedFields.Contains(name):
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    spans[name] = (start, (int)reader.BytesConsumed);
                    break;
            }
        }
        var missing = CopiedFields.Where(f => !spans.ContainsKey(f)).ToList();
        return missing.Count == 0
            ? spans
            : throw new InvalidDataException($"{what} has no symbols.{symbol}.{string.Join(" or .", missing)}; every toolchain version symbol has both.");
    }
}
