using System.Text.Json;

namespace Templates.Tests.Infrastructure;

/// <summary>
/// Finds where a symbol's value stands in a template.json's raw text, so the copies kept in template.json
/// (<see cref="BaseLineCopy"/>, <see cref="ToolchainCopy"/>) splice a value in and leave the rest of the file
/// (its formatting, comments and other symbols) as written.
/// </summary>
public static class SymbolJson
{
    // The template engine accepts comments and trailing commas in template.json; so does the copy.
    public static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The bytes of symbols.<paramref name="symbol"/>.<paramref name="path"/>'s value in <paramref name="json"/>
    /// (End is exclusive; an object or array whole), or null when there is no such property.</summary>
    public static (int Start, int End)? Span(ReadOnlySpan<byte> json, string symbol, params string[] path)
    {
        var reader = new Utf8JsonReader(json, Options);
        reader.Read();
        foreach (var name in (string[])["symbols", symbol, .. path])
        {
            if (reader.TokenType != JsonTokenType.StartObject || !EnterProperty(ref reader, name))
            {
                return null;
            }
        }
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return (start, (int)reader.BytesConsumed);
    }

    /// <summary>From an object's start to the first token of its property <paramref name="name"/>'s value; false, at
    /// the object's end, when it has none.</summary>
    private static bool EnterProperty(ref Utf8JsonReader reader, string name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(name);
            reader.Read();
            if (found)
            {
                return true;
            }
            reader.Skip();
        }
        return false;
    }
}
