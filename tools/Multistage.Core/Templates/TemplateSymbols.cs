using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>How template.json's symbols read, for the catalog's readers of them: a symbol's type, a choice parameter's choices, a replacement.</summary>
internal static class TemplateSymbols
{
    public static string? TypeOf(JsonElement symbol) =>
        symbol.ValueKind == JsonValueKind.Object && symbol.TryGetProperty("type", out var type) ? type.GetString() : null;

    public static List<TemplateChoice> Choices(MetadataReader read, JsonElement symbol, string path)
    {
        var list = read.Property(symbol, path, "choices");
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw read.Error($"{path}.choices", "must be a non-empty array");
        }
        return list.EnumerateArray()
            .Select((item, i) => new TemplateChoice(
                read.String(item, $"{path}.choices[{i}]", "choice"),
                read.String(item, $"{path}.choices[{i}]", "description")))
            .ToList();
    }

    /// <summary>The symbol's `replaces` and its onlyIf "after" texts; <paramref name="transform"/> turns its value into what it writes.</summary>
    public static SymbolReplacement Replacement(MetadataReader read, string name, JsonElement symbol, string path, IReadOnlyList<FormStep> transform)
    {
        var after = new List<string>();
        if (symbol.TryGetProperty("onlyIf", out var onlyIf) && onlyIf.ValueKind == JsonValueKind.Array)
        {
            after.AddRange(onlyIf.EnumerateArray().Select((item, i) => read.String(item, $"{path}.onlyIf[{i}]", "after")));
        }
        return new SymbolReplacement(name, read.String(symbol, path, "replaces"), after, transform);
    }
}
