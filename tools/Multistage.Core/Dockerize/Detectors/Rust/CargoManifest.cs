using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>The few Cargo.toml facts init needs, read line by line: the tables, their plain
/// `key = "string"` entries and their arrays of strings (`members = ["app", "crates/*"]`, also over
/// several lines). Not a TOML parser: inline tables and other values are skipped.</summary>
public sealed partial class CargoManifest
{
    private CargoManifest(IReadOnlyList<(string Table, IReadOnlyDictionary<string, string> Keys)> tables,
        IReadOnlyDictionary<(string Table, string Key), IReadOnlyList<string>> arrays)
    {
        Tables = tables;
        _arrays = arrays;
    }

    private readonly IReadOnlyDictionary<(string Table, string Key), IReadOnlyList<string>> _arrays;

    /// <summary>Every table in file order ([package], each [[bin]], ...) with its string keys.</summary>
    public IReadOnlyList<(string Table, IReadOnlyDictionary<string, string> Keys)> Tables { get; }

    public IReadOnlyDictionary<string, string>? Table(string name) =>
        Tables.FirstOrDefault(t => t.Table == name).Keys;

    public bool HasTable(string name) => Tables.Any(t => t.Table == name);

    public IEnumerable<IReadOnlyDictionary<string, string>> All(string name) =>
        Tables.Where(t => t.Table == name).Select(t => t.Keys);

    /// <summary>The strings of `key = [...]` in the first table named <paramref name="table"/>; empty when absent.</summary>
    public IReadOnlyList<string> Array(string table, string key) =>
        _arrays.TryGetValue((table, key), out var values) ? values : [];

    public static CargoManifest Parse(string text)
    {
        var tables = new List<(string, IReadOnlyDictionary<string, string>)>();
        var arrays = new Dictionary<(string, string), IReadOnlyList<string>>();
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        var table = "";
        tables.Add(("", current));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (Header().Match(line) is { Success: true } header)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                table = header.Groups[1].Value.Trim();
                tables.Add((table, current));
            }
            else if (StringKey().Match(line) is { Success: true } entry)
            {
                current[entry.Groups[1].Value] = entry.Groups[2].Value;
            }
            else if (ArrayStart().Match(line) is { Success: true } array)
            {
                // Gather the array up to its closing bracket, which may be lines below.
                var body = array.Groups[2].Value;
                while (!WithoutComment(body).Contains(']') && i + 1 < lines.Length)
                {
                    body += "\n" + lines[++i];
                }

                var values = Strings().Matches(string.Join('\n', body.Split('\n').Select(WithoutComment)))
                    .Select(m => m.Groups[1].Value).ToList();
                arrays.TryAdd((table, array.Groups[1].Value), values);
            }
        }

        return new CargoManifest(tables, arrays);
    }

    private static string WithoutComment(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inString = !inString;
            }
            else if (line[i] == '#' && !inString)
            {
                return line[..i];
            }
        }

        return line;
    }

    [GeneratedRegex(@"^\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?\s*(#.*)?$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^([A-Za-z0-9_\-]+)\s*=\s*""([^""]*)""\s*(#.*)?$")]
    private static partial Regex StringKey();

    [GeneratedRegex(@"^([A-Za-z0-9_\-]+)\s*=\s*\[(.*)$")]
    private static partial Regex ArrayStart();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex Strings();
}
