using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>The CLI names a template's .template.config/dotnetcli.host.json gives its symbols
/// (symbolInfo.NAME.longName): what `dotnet new` takes as --NAME.</summary>
public sealed class HostLongNames
{
    private readonly IReadOnlyDictionary<string, string> names;

    private HostLongNames(IReadOnlyDictionary<string, string> names) => this.names = names;

    /// <summary>Reads the host file of the template whose .template.config is <paramref name="configFolder"/>;
    /// no file means no long names.</summary>
    public static HostLongNames Read(string configFolder)
    {
        var file = Path.Combine(configFolder, "dotnetcli.host.json");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(file))
        {
            using var host = JsonFile.Parse(file);
            if (host.RootElement.TryGetProperty("symbolInfo", out var info) && info.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in info.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("longName", out var name)
                        && name.GetString() is { Length: > 0 } text)
                    {
                        names[entry.Name] = text;
                    }
                }
            }
        }

        return new HostLongNames(names);
    }

    /// <summary>The long name of <paramref name="symbol"/>, or null (then `dotnet new` uses the symbol name).</summary>
    public string? Of(string symbol) => names.GetValueOrDefault(symbol);
}
