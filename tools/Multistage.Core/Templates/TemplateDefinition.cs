using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>
/// What the catalog takes from a template's own .template.config/template.json, the one place these facts
/// live: identity, short name, the symbols behind --port and --runtime, other parameters' defaults (for the
/// Dockerfiles' conditionals) and the toolchain version parameter.
/// </summary>
public sealed record TemplateDefinition(
    string Identity,
    string ShortName,
    int DefaultPort,
    string DefaultRuntime,
    IReadOnlyList<TemplateChoice> Runtimes,
    ToolchainSymbol? Toolchain,
    IReadOnlyDictionary<string, string> ParameterDefaults)
{
    public const string FileName = "template.json";

    /// <summary>The symbols the catalog relies on, by the names every template uses for them.</summary>
    public const string PortSymbol = "port";
    public const string RuntimeSymbol = "runtime";


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

    private static TemplateDefinition Parse(MetadataReader read, JsonElement root)
    {
        var symbols = read.Property(root, "", "symbols");
        if (symbols.ValueKind != JsonValueKind.Object)
        {
            throw read.Error("symbols", "must be an object");
        }

        var defaults = new SortedDictionary<string, string>(StringComparer.Ordinal);
        ToolchainSymbol? toolchain = null;
        foreach (var symbol in symbols.EnumerateObject())
        {
            if (symbol.Value.ValueKind != JsonValueKind.Object
                || !symbol.Value.TryGetProperty("type", out var type) || type.GetString() != "parameter")
            {
                continue;
            }
            var path = $"symbols.{symbol.Name}";
            // Booleans default to false when template.json leaves the default out, as in the engine.
            defaults[symbol.Name] = symbol.Value.TryGetProperty("defaultValue", out var value) ? value.ToString() : "false";
            if (symbol.Name.EndsWith(ToolchainSymbol.NameSuffix, StringComparison.Ordinal) && symbol.Value.TryGetProperty("choices", out _))
            {
                toolchain = toolchain is null
                    ? ReadToolchain(read, symbol.Value, path, symbol.Name)
                    : throw read.Error(path, $"is a second toolchain version symbol after '{toolchain.Name}'; keep one per template");
            }
        }

        var port = read.Property(symbols, "symbols", PortSymbol);
        var portValue = read.String(port, $"symbols.{PortSymbol}", "defaultValue");
        var runtime = read.Property(symbols, "symbols", RuntimeSymbol);
        var runtimePath = $"symbols.{RuntimeSymbol}";
        var runtimes = Choices(read, runtime, runtimePath);
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
            defaults);
    }

    private static ToolchainSymbol ReadToolchain(MetadataReader read, JsonElement symbol, string path, string name)
    {
        var choices = Choices(read, symbol, path);
        var defaultValue = read.String(symbol, path, "defaultValue");
        if (choices.All(c => c.Choice != defaultValue))
        {
            throw read.Error($"{path}.defaultValue", $"is '{defaultValue}', which is not one of its choices");
        }
        var after = new List<string>();
        if (symbol.TryGetProperty("onlyIf", out var onlyIf) && onlyIf.ValueKind == JsonValueKind.Array)
        {
            after.AddRange(onlyIf.EnumerateArray().Select((item, i) => read.String(item, $"{path}.onlyIf[{i}]", "after")));
        }
        return new ToolchainSymbol(name, defaultValue, choices, read.String(symbol, path, "replaces"), after);
    }

    private static List<TemplateChoice> Choices(MetadataReader read, JsonElement symbol, string path)
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
