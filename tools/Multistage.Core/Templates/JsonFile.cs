using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>The template folders' JSON files (template.json, dotnetcli.host.json, multistage.json), read
/// as the template engine reads them: comments allowed, and a syntax error named with the file and place.</summary>
public static class JsonFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="InvalidDataException">The file is not valid JSON (the message says where).</exception>
    public static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(file), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{file}: not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }
}
