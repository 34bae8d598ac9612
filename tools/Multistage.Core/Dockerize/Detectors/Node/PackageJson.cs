using System.Text.Json;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>What the Dockerfiles need from a package.json: its name, scripts, main, packageManager
/// field and workspaces.</summary>
internal sealed record PackageJson(
    string? Name,
    IReadOnlyDictionary<string, string> Scripts,
    string? Main,
    string? PackageManager,
    IReadOnlyList<string> Workspaces,
    IReadOnlyList<string> Dependencies)
{
    public string? Script(string name) => Scripts.TryGetValue(name, out var s) ? s : null;

    /// <summary>The parsed manifest, or the parser's message when it is not valid JSON.</summary>
    public static (PackageJson? Manifest, string? Error) Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "it is not a JSON object");
            }

            var scripts = root.TryGetProperty("scripts", out var s) && s.ValueKind == JsonValueKind.Object
                ? s.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            // npm and Yarn: "workspaces": ["packages/*"] or { "packages": [...] }.
            var workspaces = root.TryGetProperty("workspaces", out var w)
                ? (w.ValueKind == JsonValueKind.Object && w.TryGetProperty("packages", out var p) ? p : w)
                : default;
            var members = workspaces.ValueKind == JsonValueKind.Array
                ? workspaces.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            // Production dependencies only: the image has no others.
            var dependencies = root.TryGetProperty("dependencies", out var d) && d.ValueKind == JsonValueKind.Object
                ? d.EnumerateObject().Select(p => p.Name).ToList()
                : [];
            return (new PackageJson(String(root, "name"), scripts, String(root, "main"), String(root, "packageManager"), members, dependencies), null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
