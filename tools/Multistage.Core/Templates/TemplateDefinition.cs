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
        foreach (var symbol in symbols.EnumerateObject().Where(s => TypeOf(s.Value) == "parameter"))
        {
            // Booleans default to false when template.json leaves the default out, as in the engine.
            defaults[symbol.Name] = symbol.Value.TryGetProperty("defaultValue", out var value) ? value.ToString() : "false";
        }
        var toolchain = ReadToolchain(read, root, symbols);

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

    private static string? TypeOf(JsonElement symbol) =>
        symbol.ValueKind == JsonValueKind.Object && symbol.TryGetProperty("type", out var type) ? type.GetString() : null;

    /// <summary>The toolchain version: the choice parameter named &lt;x&gt;Version, or the one a derived
    /// &lt;x&gt;Version takes its value from; its replacements are its own and those of every symbol derived from it.</summary>
    private static ToolchainSymbol? ReadToolchain(MetadataReader read, JsonElement root, JsonElement symbols)
    {
        string? name = null;
        foreach (var symbol in symbols.EnumerateObject().Where(s => s.Name.EndsWith(ToolchainSymbol.NameSuffix, StringComparison.Ordinal)))
        {
            var path = $"symbols.{symbol.Name}";
            var parameter = TypeOf(symbol.Value) switch
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
        var choices = Choices(read, toolchain, toolchainPath);
        var defaultValue = read.String(toolchain, toolchainPath, "defaultValue");
        if (choices.All(c => c.Choice != defaultValue))
        {
            throw read.Error($"{toolchainPath}.defaultValue", $"is '{defaultValue}', which is not one of its choices");
        }

        var replacements = new List<ToolchainReplacement>();
        if (toolchain.TryGetProperty("replaces", out _))
        {
            replacements.Add(Replacement(read, name, toolchain, toolchainPath, []));
        }
        foreach (var derived in symbols.EnumerateObject().Where(s => TypeOf(s.Value) == "derived" && s.Value.TryGetProperty("replaces", out _)
                     && s.Value.TryGetProperty("valueSource", out var source) && source.ValueKind == JsonValueKind.String && source.GetString() == name))
        {
            var path = $"symbols.{derived.Name}";
            replacements.Add(Replacement(read, derived.Name, derived.Value, path, Form(read, root, read.String(derived.Value, path, "valueTransform"), $"{path}.valueTransform")));
        }
        return replacements.Count > 0
            ? new ToolchainSymbol(name, defaultValue, choices, replacements)
            : throw read.Error($"{toolchainPath}.replaces", "is missing, and no symbol derived from it replaces anything: the chosen version would reach no file");
    }

    /// <summary>The choice parameter a derived &lt;x&gt;Version symbol takes its value from.</summary>
    private static string VersionSource(MetadataReader read, JsonElement symbols, JsonElement symbol, string path)
    {
        var source = read.String(symbol, path, "valueSource");
        return symbols.TryGetProperty(source, out var parameter) && TypeOf(parameter) == "parameter" && parameter.TryGetProperty("choices", out _)
            ? source
            : throw read.Error($"{path}.valueSource", $"is '{source}', which is no choice parameter: a derived toolchain version takes its value from the choice parameter users set (such as Framework)");
    }

    private static ToolchainReplacement Replacement(MetadataReader read, string name, JsonElement symbol, string path, IReadOnlyList<FormStep> transform)
    {
        var after = new List<string>();
        if (symbol.TryGetProperty("onlyIf", out var onlyIf) && onlyIf.ValueKind == JsonValueKind.Array)
        {
            after.AddRange(onlyIf.EnumerateArray().Select((item, i) => read.String(item, $"{path}.onlyIf[{i}]", "after")));
        }
        return new ToolchainReplacement(name, read.String(symbol, path, "replaces"), after, transform);
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
