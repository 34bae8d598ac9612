using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>
/// A generated symbol of the "constant" generator that replaces a marker: how a template writes a base image
/// line (alpineLine, whose value 3.23 replaces the 3.23 after "alpine:"), or a sample's value for a placeholder
/// of the item template it takes its Docker files from (GO_BINARY, possibly empty). Users cannot set it; its
/// value in template.json is the one place it is written, and the files keep the marker, as for the toolchain.
/// </summary>
public sealed record ConstantSymbol(string Name, string Value, SymbolReplacement Replacement)
{
    /// <summary><paramref name="text"/> as the engine renders it: the marker, where onlyIf allows, replaced by the value.</summary>
    public string Apply(string text) => Replacement.Apply(text, Value);

    /// <summary>Every generated constant symbol of template.json that replaces something, in file order.</summary>
    internal static IReadOnlyList<ConstantSymbol> Read(MetadataReader read, JsonElement symbols) =>
        symbols.EnumerateObject()
            .Where(s => TemplateSymbols.TypeOf(s.Value) == "generated" && s.Value.TryGetProperty("replaces", out _)
                && s.Value.TryGetProperty("generator", out var generator) && generator.GetString() == "constant")
            .Select(s =>
            {
                var path = $"symbols.{s.Name}";
                var value = read.StringOrEmpty(read.Property(s.Value, path, "parameters"), $"{path}.parameters", "value");
                return new ConstantSymbol(s.Name, value, TemplateSymbols.Replacement(read, s.Name, s.Value, path, []));
            })
            .ToList();
}
