using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>The few Cargo.toml facts init needs, read line by line: the tables and their plain
/// `key = "string"` entries. Not a TOML parser: inline tables and multi-line values are skipped.</summary>
public sealed partial class CargoManifest
{
    private CargoManifest(IReadOnlyList<(string Table, IReadOnlyDictionary<string, string> Keys)> tables) => Tables = tables;

    /// <summary>Every table in file order ([package], each [[bin]], ...) with its string keys.</summary>
    public IReadOnlyList<(string Table, IReadOnlyDictionary<string, string> Keys)> Tables { get; }

    public IReadOnlyDictionary<string, string>? Table(string name) =>
        Tables.FirstOrDefault(t => t.Table == name).Keys;

    public IEnumerable<IReadOnlyDictionary<string, string>> All(string name) =>
        Tables.Where(t => t.Table == name).Select(t => t.Keys);

    public static CargoManifest Parse(string text)
    {
        var tables = new List<(string, IReadOnlyDictionary<string, string>)>();
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        tables.Add(("", current));
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (Header().Match(line) is { Success: true } header)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                tables.Add((header.Groups[1].Value.Trim(), current));
            }
            else if (StringKey().Match(line) is { Success: true } entry)
            {
                current[entry.Groups[1].Value] = entry.Groups[2].Value;
            }
        }

        return new CargoManifest(tables);
    }

    [GeneratedRegex(@"^\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?\s*(#.*)?$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^([A-Za-z0-9_\-]+)\s*=\s*""([^""]*)""\s*(#.*)?$")]
    private static partial Regex StringKey();
}
