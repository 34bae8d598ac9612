using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>How template.json's symbols read, for the catalog's readers of them: a symbol's type, a choice parameter's choices.</summary>
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
}
