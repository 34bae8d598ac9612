using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>
/// Reads a template's toolchain version from template.json: which choice parameter it is, its choices and
/// default, and every replacement that writes it (its own, and those of the symbols derived from it through
/// "replace" forms, which the catalog applies as the engine does).
/// </summary>
internal static class ToolchainReader
{
    /// <summary>The toolchain version: the choice parameter named &lt;x&gt;Version, or the one a derived
    /// &lt;x&gt;Version takes its value from; its replacements are its own and those of every symbol derived from it.</summary>
    public static ToolchainSymbol? Read(MetadataReader read, JsonElement root, JsonElement symbols)
    {
        string? name = null;
        foreach (var symbol in symbols.EnumerateObject().Where(s => s.Name.EndsWith(ToolchainSymbol.NameSuffix, StringComparison.Ordinal)))
        {
            var path = $"symbols.{symbol.Name}";
            var parameter = TemplateSymbols.TypeOf(symbol.Value) switch
            {
                "parameter" when symbol.Value.TryGetProperty("choices", out _) => symbol.Name,
                "derived" => VersionSource(read, symbols, symbol.Value, path),
                _ => null,
            };
            if (parameter is not null && name is not null && parameter != name)
            {
                throw read.Error(path, $"is a second toolchain version symbol after '{name}'; keep one per template");
            }
            name ??= parameter;
        }
        if (name is null)
        {
            return null;
        }

        var toolchainPath = $"symbols.{name}";
        var toolchain = symbols.GetProperty(name);
        var choices = TemplateSymbols.Choices(read, toolchain, toolchainPath);
        var defaultValue = read.String(toolchain, toolchainPath, "defaultValue");
        if (choices.All(c => c.Choice != defaultValue))
        {
            throw read.Error($"{toolchainPath}.defaultValue", $"is '{defaultValue}', which is not one of its choices");
        }

        var replacements = new List<SymbolReplacement>();
        if (toolchain.TryGetProperty("replaces", out _))
        {
            replacements.Add(TemplateSymbols.Replacement(read, name, toolchain, toolchainPath, []));
        }
        foreach (var derived in symbols.EnumerateObject().Where(s => TemplateSymbols.TypeOf(s.Value) == "derived" && s.Value.TryGetProperty("replaces", out _)
                     && s.Value.TryGetProperty("valueSource", out var source) && source.ValueKind == JsonValueKind.String && source.GetString() == name))
        {
            var path = $"symbols.{derived.Name}";
            replacements.Add(TemplateSymbols.Replacement(read, derived.Name, derived.Value, path, Form(read, root, read.String(derived.Value, path, "valueTransform"), $"{path}.valueTransform")));
        }
        return replacements.Count > 0
            ? new ToolchainSymbol(name, defaultValue, choices, replacements)
            : throw read.Error($"{toolchainPath}.replaces", "is missing, and no symbol derived from it replaces anything: the chosen version would reach no file");
    }

    /// <summary>The choice parameter a derived &lt;x&gt;Version symbol takes its value from.</summary>
    private static string VersionSource(MetadataReader read, JsonElement symbols, JsonElement symbol, string path)
    {
        var source = read.String(symbol, path, "valueSource");
        return symbols.TryGetProperty(source, out var parameter) && TemplateSymbols.TypeOf(parameter) == "parameter" && parameter.TryGetProperty("choices", out _)
            ? source
            : throw read.Error($"{path}.valueSource", $"is '{source}', which is no choice parameter: a derived toolchain version takes its value from the choice parameter users set (such as Framework)");
    }

    /// <summary>The steps of the form <paramref name="formName"/>: a "replace" form, or a "chain" of them.</summary>
    private static IReadOnlyList<FormStep> Form(MetadataReader read, JsonElement root, string formName, string usedAt, int depth = 0)
    {
        var path = $"forms.{formName}";
        if (depth > 10 || !root.TryGetProperty("forms", out var forms) || !forms.TryGetProperty(formName, out var form))
        {
            throw read.Error(usedAt, $"names the form '{formName}', which is not in 'forms' (or chains too deep)");
        }
        return read.String(form, path, "identifier") switch
        {
            "replace" => [new FormStep(read.String(form, path, "pattern"), form.TryGetProperty("replacement", out var r) ? r.GetString() ?? "" : "")],
            "chain" => [.. read.Property(form, path, "steps").EnumerateArray().SelectMany((step, i) => Form(read, root, step.GetString() ?? "", $"{path}.steps[{i}]", depth + 1))],
            var other => throw read.Error($"{path}.identifier", $"is '{other}': a toolchain version's value forms must be 'replace' or a 'chain' of them, the ones the catalog follows"),
        };
    }
}
