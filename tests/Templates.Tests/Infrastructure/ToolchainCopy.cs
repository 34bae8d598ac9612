using System.Text;
using System.Text.Json;

namespace Templates.Tests.Infrastructure;

/// <summary>
/// Keeps the item template's toolchain version symbol a copy of the project template's, its one source:
/// the raw JSON text of <see cref="CopiedFields"/> is spliced across, so the rest of the item template's
/// template.json (its own description, formatting and comments) stays as written.
/// </summary>
/// <remarks>
/// The item template may offer older versions too, for existing projects that still target them (.NET's
/// net8.0 beside the project template's net10.0): its choices that the project template lacks stay, before
/// the copied ones. Every other choice, and the default, are the project template's.
/// </remarks>
public static class ToolchainCopy
{
    /// <summary>What a version bump changes, and so what the item template copies.</summary>
    public static readonly IReadOnlyList<string> CopiedFields = ["defaultValue", "choices"];

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
        foreach (var field in CopiedFields.OrderBy(f => to[f].Start))
        {
            var (start, end) = to[field];
            result.AddRange(target[at..start]);
            result.AddRange(field == "choices" ? Choices(source, from[field], target, to[field]) : source[from[field].Start..from[field].End]);
            at = end;
        }
        result.AddRange(target[at..]);
        return Encoding.UTF8.GetString(result.ToArray());
    }

    /// <summary>The project's choices array, with the item's own older choices (those the project lacks) first.</summary>
    private static byte[] Choices(byte[] source, (int Start, int End) from, byte[] target, (int Start, int End) to)
    {
        var projectChoices = Elements(source, from);
        var own = Elements(target, to).Where(e => projectChoices.All(p => p.Choice != e.Choice)).ToList();
        if (own.Count == 0)
        {
            return source[from.Start..from.End];
        }
        // The project's array layout: what stands between '[' and the first choice, between choices, and after the last.
        var lead = source[(from.Start + 1)..projectChoices[0].Start];
        var separator = projectChoices.Count > 1 ? source[projectChoices[0].End..projectChoices[1].Start] : [(byte)',', .. lead];
        var trail = source[projectChoices[^1].End..from.End];
        var elements = own.Select(e => target[e.Start..e.End]).Concat(projectChoices.Select(e => source[e.Start..e.End])).ToList();
        var array = new List<byte> { (byte)'[' };
        array.AddRange(lead);
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0)
            {
                array.AddRange(separator);
            }
            array.AddRange(elements[i]);
        }
        array.AddRange(trail);
        return [.. array];
    }

    private static List<(string Choice, int Start, int End)> Elements(byte[] json, (int Start, int End) array)
    {
        var elements = new List<(string Choice, int Start, int End)>();
        var reader = new Utf8JsonReader(json.AsSpan(array.Start, array.End - array.Start), SymbolJson.Options);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var element = JsonElement.ParseValue(ref reader);
            var choice = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("choice", out var c) ? c.GetString() ?? "" : "";
            elements.Add((choice, array.Start + start, array.Start + (int)reader.BytesConsumed));
        }
        return elements.Count > 0
            ? elements
            : throw new InvalidDataException("a toolchain version symbol's choices array is empty; it needs at least the default.");
    }

    private static Dictionary<string, (int Start, int End)> Spans(byte[] json, string symbol, string what)
    {
        var spans = CopiedFields
            .Select(field => (Field: field, Span: SymbolJson.Span(json, symbol, field)))
            .Where(f => f.Span is not null)
            .ToDictionary(f => f.Field, f => f.Span!.Value, StringComparer.Ordinal);
        var missing = CopiedFields.Where(f => !spans.ContainsKey(f)).ToList();
        return missing.Count == 0
            ? spans
            : throw new InvalidDataException($"{what} has no symbols.{symbol}.{string.Join(" or .", missing)}; every toolchain version symbol has both.");
    }
}
