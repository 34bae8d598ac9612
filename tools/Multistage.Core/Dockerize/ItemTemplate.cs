using System.Text.Json;
using Multistage.Core.Templates;

namespace Multistage.Core.Dockerize;

/// <summary>One option of an item template as `dotnet new` takes it (--main, --runtime, ...), with its
/// default and, for a choice, the allowed values; read from template.json and dotnetcli.host.json.</summary>
public sealed record ItemTemplateOption(string LongName, string Symbol, string DataType, string? DefaultValue, IReadOnlyList<string> Choices, string Description);

/// <summary>
/// A language's item template: templates/&lt;language&gt;/.dockerfiles/, which writes only the Docker files
/// into an existing project. Everything here is read from its own template.json, so the template stays
/// the one source of truth for what it writes and which options it takes.
/// </summary>
public sealed record ItemTemplate(string Language, string ShortName, string FolderPath, IReadOnlyList<ItemTemplateOption> Options, IReadOnlyList<string> Files)
{
    /// <summary>The folder inside each language's template folder that holds its item template.</summary>
    public const string FolderName = ".dockerfiles";

    /// <summary>Every option's value as `dotnet new` will use it: <paramref name="chosen"/> (read from the
    /// project or given), else the option's default.</summary>
    public IReadOnlyDictionary<string, string> ValuesWith(IEnumerable<KeyValuePair<string, string>> chosen)
    {
        var values = Options.Where(o => o.DefaultValue is not null).ToDictionary(o => o.LongName, o => o.DefaultValue!, StringComparer.Ordinal);
        foreach (var (option, value) in chosen)
        {
            values[option] = value;
        }

        return values;
    }

    public ItemTemplateOption? Option(string longName) =>
        Options.FirstOrDefault(o => string.Equals(o.LongName, longName, StringComparison.Ordinal));

    /// <summary>The item template of templates/&lt;language&gt; (<paramref name="languageFolder"/>); throws naming the file when it is missing or broken.</summary>
    public static ItemTemplate Load(string language, string languageFolder)
    {
        var folder = Path.Combine(Path.GetFullPath(languageFolder), FolderName);
        var config = Path.Combine(folder, ".template.config");
        var templateFile = Path.Combine(config, "template.json");
        if (!File.Exists(templateFile))
        {
            throw new FileNotFoundException(
                $"{templateFile} is missing: every language needs an item template in {FolderName}/ for `multistage init` (CONTRIBUTING.md).",
                templateFile);
        }

        using var template = JsonFile.Parse(templateFile);
        var longNames = HostLongNames.Read(config);
        var root = template.RootElement;
        var shortName = root.TryGetProperty("shortName", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()!
            : throw new InvalidDataException($"{templateFile}: 'shortName' must be a string.");

        var options = new List<ItemTemplateOption>();
        if (root.TryGetProperty("symbols", out var symbols))
        {
            foreach (var symbol in symbols.EnumerateObject().Where(p => p.Value.TryGetProperty("type", out var t) && t.GetString() == "parameter"))
            {
                var longName = longNames.Of(symbol.Name) ?? symbol.Name;
                var choices = symbol.Value.TryGetProperty("choices", out var c)
                    ? c.EnumerateArray().Select(x => x.GetProperty("choice").GetString()!).ToList()
                    : [];
                options.Add(new ItemTemplateOption(
                    longName,
                    symbol.Name,
                    symbol.Value.TryGetProperty("datatype", out var d) ? d.GetString()! : "string",
                    symbol.Value.TryGetProperty("defaultValue", out var v) ? v.GetString() : null,
                    choices,
                    symbol.Value.TryGetProperty("description", out var text) ? text.GetString()! : ""));
            }
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith(".template.config/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ItemTemplate(language, shortName, folder, options, files);
    }

}
