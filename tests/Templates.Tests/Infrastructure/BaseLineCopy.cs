using System.Text;
using System.Text.Json;
using Multistage.Core.Dockerize;
using Multistage.Core.Templates;

namespace Templates.Tests.Infrastructure;

/// <summary>
/// Keeps each template.json's base image line constants (alpineLine, debianLine, ...) copies of
/// docs/support-lines.json's current lines, their one home: the raw JSON text of symbols.&lt;product&gt;Line's
/// parameters.value is replaced, so the rest of the file (formatting, the marker it replaces) stays as written.
/// </summary>
public static class BaseLineCopy
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Every template.json under <paramref name="templatesDirectory"/>: each project template's and its item template's.</summary>
    public static IEnumerable<string> TemplateJsonFiles(string templatesDirectory) =>
        Directory.GetDirectories(templatesDirectory).Order(StringComparer.Ordinal)
            .SelectMany(folder => new[] { folder, Path.Combine(folder, ItemTemplate.FolderName) })
            .Select(folder => Path.Combine(folder, ".template.config", TemplateDefinition.FileName))
            .Where(File.Exists);

    /// <summary>The value of symbols.<paramref name="symbol"/>.parameters.value, or null when the file has no such symbol.</summary>
    public static string? Value(string json, string symbol) =>
        Span(Encoding.UTF8.GetBytes(json), symbol) is { } span
            ? JsonSerializer.Deserialize<string>(Encoding.UTF8.GetBytes(json).AsSpan(span.Start, span.End - span.Start))
            : null;

    /// <summary><paramref name="json"/> with each product's constant set to its current line (the same text when they
    /// agree, or when the file has none of them).</summary>
    public static string Apply(string json, IEnumerable<BaseImageProduct> products) =>
        products.Aggregate(json, (current, product) => Apply(current, product.Symbol, product.Current));

    /// <summary><paramref name="json"/> with symbols.<paramref name="symbol"/>.parameters.value set to <paramref name="value"/>.</summary>
    public static string Apply(string json, string symbol, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (Span(bytes, symbol) is not { } span)
        {
            return json;
        }
        return Encoding.UTF8.GetString(bytes[..span.Start]) + JsonSerializer.Serialize(value) + Encoding.UTF8.GetString(bytes[span.End..]);
    }

    private static (int Start, int End)? Span(byte[] json, string symbol)
    {
        var reader = new Utf8JsonReader(json, Options);
        string? rootProperty = null, symbolName = null, symbolProperty = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }
            var name = reader.GetString();
            switch (reader.CurrentDepth)
            {
                case 1:
                    rootProperty = name;
                    break;
                case 2:
                    symbolName = rootProperty == "symbols" ? name : null;
                    break;
                case 3:
                    symbolProperty = symbolName == symbol ? name : null;
                    break;
                case 4 when symbolProperty == "parameters" && name == "value":
                    reader.Read();
                    return ((int)reader.TokenStartIndex, (int)reader.BytesConsumed);
            }
        }
        return null;
    }
}
