using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>
/// Typed reads from a JSON object that fail with the file and the field path ("runtimes.alpine.shell"),
/// so a broken multistage.json says exactly what to fix.
/// </summary>
internal sealed class MetadataReader(string file, string schema = "the multistage.json schema in CONTRIBUTING.md")
{
    public string File { get; } = file;

    public InvalidDataException Error(string field, string problem) =>
        new($"{File}: field '{field}' {problem}. See {schema}.");

    public JsonElement Property(JsonElement obj, string path, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw Error(path.Length == 0 ? "(root)" : path, $"must be an object, found {obj.ValueKind}");
        }
        return obj.TryGetProperty(name, out var value) ? value : throw Error(Join(path, name), "is missing");
    }

    public string String(JsonElement obj, string path, string name)
    {
        var value = Property(obj, path, name);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Error(Join(path, name), $"must be a non-empty string, found {Show(value)}");
    }

    /// <summary>A string that may be empty: a constant symbol's value ("" for a sample's --writable with no folders).</summary>
    public string StringOrEmpty(JsonElement obj, string path, string name)
    {
        var value = Property(obj, path, name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Error(Join(path, name), $"must be a string, found {Show(value)}");
    }

    public string? NullableString(JsonElement obj, string path, string name)
    {
        var value = Property(obj, path, name);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String when value.GetString() is { Length: > 0 } text => text,
            _ => throw Error(Join(path, name), $"must be a non-empty string or null, found {Show(value)}"),
        };
    }

    public bool Boolean(JsonElement obj, string path, string name)
    {
        var value = Property(obj, path, name);
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Error(Join(path, name), $"must be true or false, found {Show(value)}");
    }

    public int Port(JsonElement obj, string path, string name)
    {
        var value = Property(obj, path, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var port) && port is >= 1 and <= 65535
            ? port
            : throw Error(Join(path, name), $"must be an integer port in 1-65535, found {Show(value)}");
    }

    /// <summary>A fraction in (0, 1], such as a size ratio.</summary>
    public double Fraction(JsonElement obj, string path, string name, string hint)
    {
        var value = Property(obj, path, name);
        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is > 0 and <= 1 and var fraction
            ? fraction
            : throw Error(Join(path, name), $"must be a number in (0, 1], found {Show(value)}; {hint}");
    }

    public IReadOnlyList<string> StringArray(JsonElement obj, string path, string name)
    {
        var value = Property(obj, path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(Join(path, name), $"must be an array of strings, found {Show(value)}");
        }
        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text
                ? text
                : throw Error($"{Join(path, name)}[{index}]", $"must be a non-empty string, found {Show(item)}"));
            index++;
        }
        return items;
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Show(JsonElement value) =>
        value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? value.ValueKind.ToString() : value.GetRawText();
}
