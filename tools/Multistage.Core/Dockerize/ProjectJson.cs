using System.Text.Json;

namespace Multistage.Core.Dockerize;

/// <summary>A project's own JSON settings files (tsconfig.json, global.json, launchSettings.json) read as the
/// tools that own them read them: comments and trailing commas are allowed there, and common.</summary>
internal static class ProjectJson
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <returns>The document, or null when the text is not JSON even so (the detector then reads nothing from it).</returns>
    public static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Lenient);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
