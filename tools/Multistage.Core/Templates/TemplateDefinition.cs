using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>
/// What the catalog takes from a template's own .template.config/template.json, the one place these facts
/// live: identity, short name, the symbols behind --port and --runtime, the other symbols' values when the user
/// sets nothing (for the Dockerfiles' conditionals), the toolchain version parameter and the generated constants
/// that write the base image lines.
/// </summary>
public sealed record TemplateDefinition(
    string Identity,
    string ShortName,
    int DefaultPort,
    string DefaultRuntime,
    IReadOnlyList<TemplateChoice> Runtimes,
    ToolchainSymbol? Toolchain,
    IReadOnlyList<ConstantSymbol> Constants,
    IReadOnlyDictionary<string, string> SymbolValues)
{
    public const string FileName = "template.json";

    /// <summary>The symbols the catalog relies on, by the names every template uses for them.</summary>
    public const string PortSymbol = "port";
    public const string RuntimeSymbol = "runtime";

    /// <summary><paramref name="text"/> with every replacement the catalog follows applied as the engine does with the
    /// defaults: the toolchain version and the constants (base image lines).</summary>
    public string Render(string text) =>
        Constants.Aggregate(Toolchain?.Apply(text) ?? text, (current, constant) => constant.Apply(current));

    public static TemplateDefinition Load(string templateFolder)
    {
        var file = Path.Combine(templateFolder, ".template.config", FileName);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file} is missing: every template folder needs one (see CONTRIBUTING.md).", file);
        }
        var document = JsonFile.Parse(file);
        TemplateDefinition definition;
        using (document)
        {
            definition = Parse(new MetadataReader(file, "the template.json reference (https://aka.ms/template-json-reference) and CONTRIBUTING.md"), document.RootElement);
        }
        return definition.Toolchain is { } toolchain && HostLongNames.Read(Path.Combine(templateFolder, ".template.config")).Of(toolchain.Name) is { } longName
            ? definition with { Toolchain = toolchain with { Option = "--" + longName } }
            : definition;
    }

    /// <summary>The value a symbol has when the user sets nothing: a parameter's default (false for a boolean
    /// without one, as in the engine), a constant's value, or a computed symbol's literal true or false
    /// (the project templates give the item template's symbols the sample's values that way).</summary>
    private static string? FixedValue(JsonElement symbol) => TemplateSymbols.TypeOf(symbol) switch
    {
        "parameter" => symbol.TryGetProperty("defaultValue", out var value) ? value.ToString() : "false",
        "generated" when symbol.TryGetProperty("generator", out var generator) && generator.GetString() == "constant"
                         && symbol.TryGetProperty("parameters", out var parameters) && parameters.TryGetProperty("value", out var constant) => constant.ToString(),
        "computed" when symbol.TryGetProperty("value", out var expression) && expression.GetString() is "true" or "false" => expression.GetString(),
        _ => null,
    };

    private static TemplateDefinition Parse(MetadataReader read, JsonElement root)
    {
        var symbols = read.Property(root, "", "symbols");
        if (symbols.ValueKind != JsonValueKind.Object)
        {
            throw read.Error("symbols", "must be an object");
        }

        var defaults = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var symbol in symbols.EnumerateObject())
        {
            if (FixedValue(symbol.Value) is { } value)
            {
                defaults[symbol.Name] = value;
            }
        }
        var toolchain = ToolchainReader.Read(read, root, symbols);

        var port = read.Property(symbols, "symbols", PortSymbol);
        var portValue = read.String(port, $"symbols.{PortSymbol}", "defaultValue");
        var runtime = read.Property(symbols, "symbols", RuntimeSymbol);
        var runtimePath = $"symbols.{RuntimeSymbol}";
        var runtimes = TemplateSymbols.Choices(read, runtime, runtimePath);
        var defaultRuntime = read.String(runtime, runtimePath, "defaultValue");
        if (runtimes.All(c => c.Choice != defaultRuntime))
        {
            throw read.Error($"{runtimePath}.defaultValue", $"is '{defaultRuntime}', which is not one of its choices");
        }

        var shortName = read.Property(root, "", "shortName");
        return new TemplateDefinition(
            read.String(root, "", "identity"),
            shortName.ValueKind == JsonValueKind.Array && shortName.GetArrayLength() > 0 && shortName[0].GetString() is { Length: > 0 } first
                ? first
                : read.String(root, "", "shortName"),
            int.TryParse(portValue, out var number) && number is >= 1 and <= 65535
                ? number
                : throw read.Error($"symbols.{PortSymbol}.defaultValue", $"must be a port in 1-65535, found '{portValue}'"),
            defaultRuntime,
            runtimes,
            toolchain,
            ConstantSymbol.Read(read, symbols),
            defaults);
    }
}
