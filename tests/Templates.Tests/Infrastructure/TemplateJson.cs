using System.Text.Json;

namespace Templates.Tests.Infrastructure;

/// <summary>A template's template.json (and the CLI names from dotnetcli.host.json), read for the validation tests.</summary>
public sealed class TemplateJson
{
    // The template engine itself accepts comments in template.json; the tests should not be stricter.
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    private TemplateJson(string path, JsonElement root, IReadOnlyDictionary<string, string> cliNames)
    {
        Path = path;
        Root = root;
        CliNames = cliNames;
    }

    public string Path { get; }

    public JsonElement Root { get; }

    /// <summary>Symbol name -> CLI long name (dotnetcli.host.json symbolInfo.*.longName).</summary>
    public IReadOnlyDictionary<string, string> CliNames { get; }

    public static string PathFor(string templateFolder) =>
        System.IO.Path.Combine(templateFolder, ".template.config", "template.json");

    /// <summary>Parses the file; throws naming the file and the position when it is missing or not JSON.</summary>
    public static TemplateJson Load(string templateFolder)
    {
        var path = PathFor(templateFolder);
        var root = Parse(path);
        var hostPath = System.IO.Path.Combine(templateFolder, ".template.config", "dotnetcli.host.json");
        var cliNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(hostPath)
            && Parse(hostPath) is { ValueKind: JsonValueKind.Object } host
            && host.TryGetProperty("symbolInfo", out var symbolInfo)
            && symbolInfo.ValueKind == JsonValueKind.Object)
        {
            foreach (var symbol in symbolInfo.EnumerateObject())
            {
                if (symbol.Value.ValueKind == JsonValueKind.Object
                    && symbol.Value.TryGetProperty("longName", out var longName)
                    && longName.GetString() is { Length: > 0 } name)
                {
                    cliNames[symbol.Name] = name;
                }
            }
        }
        return new TemplateJson(path, root, cliNames);
    }

    public string? GetString(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>shortName may be a string or an array of strings.</summary>
    public IReadOnlyList<string> ShortNames() =>
        !Root.TryGetProperty("shortName", out var value) ? []
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString() ?? "").ToList()
        : [];

    public IEnumerable<JsonProperty> Symbols() =>
        Root.TryGetProperty("symbols", out var symbols) && symbols.ValueKind == JsonValueKind.Object
            ? symbols.EnumerateObject()
            : [];

    /// <summary>The symbol behind a CLI option (`--port` -> "port"): by its dotnetcli.host.json long name, else its own name.</summary>
    public JsonProperty? SymbolForOption(string option)
    {
        var wanted = option.TrimStart('-');
        foreach (var symbol in Symbols())
        {
            var cliName = CliNames.TryGetValue(symbol.Name, out var longName) ? longName : symbol.Name;
            if (string.Equals(cliName, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return symbol;
            }
        }
        return null;
    }

    private static JsonElement Parse(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing.", path);
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), Options);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
    }
}
