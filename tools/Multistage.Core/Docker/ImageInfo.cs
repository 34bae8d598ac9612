using System.Text.Json;

namespace Multistage.Core.Docker;

/// <summary>
/// The facts of an image that the tests check and the reports print, from `docker image inspect`.
/// <see cref="Size"/> is the one definition of "image size" in this project: `docker image inspect`'s
/// Size, which on the classic image store is the uncompressed size of all layers and on the containerd
/// store the stored (mostly compressed) blobs: reports name the store (<see cref="ImageStore"/>).
/// </summary>
public sealed record ImageInfo(
    string Id,
    long Size,
    string User,
    IReadOnlyList<string> ExposedPorts,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Cmd,
    IReadOnlyDictionary<string, string> Labels,
    int LayerCount,
    IReadOnlyList<string> HealthcheckTest)
{
    public double SizeMegabytes => Size / 1_000_000d;

    /// <summary>The image's WORKDIR ("" when none: the root), where relative paths of the app start.</summary>
    public string WorkingDir { get; init; } = "";

    /// <summary>Shell form is stored as ["/bin/sh", "-c", "..."]: it needs a shell in the image and
    /// makes the shell, not the app, PID 1 (so SIGTERM never reaches the app).</summary>
    public bool UsesShellForm =>
        IsShellWrapped(Entrypoint) || (Entrypoint.Count == 0 && IsShellWrapped(Cmd));

    /// <summary>Parses the first element of `docker image inspect`'s JSON array.</summary>
    public static ImageInfo Parse(string inspectJson)
    {
        using var document = JsonDocument.Parse(inspectJson);
        var image = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement[0]
            : document.RootElement;
        var config = image.GetProperty("Config");
        return new ImageInfo(
            image.GetProperty("Id").GetString() ?? "",
            image.GetProperty("Size").GetInt64(),
            OptionalString(config, "User"),
            Keys(config, "ExposedPorts"),
            Strings(config, "Entrypoint"),
            Strings(config, "Cmd"),
            StringMap(config, "Labels"),
            image.TryGetProperty("RootFS", out var rootFs) ? Strings(rootFs, "Layers").Count : 0,
            config.TryGetProperty("Healthcheck", out var health) && health.ValueKind == JsonValueKind.Object
                ? Strings(health, "Test")
                : [])
        {
            WorkingDir = OptionalString(config, "WorkingDir"),
        };
    }

    private static bool IsShellWrapped(IReadOnlyList<string> command) =>
        command.Count >= 2 && command[0] is "/bin/sh" or "sh" or "/bin/bash" && command[1] == "-c";

    private static string OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static IReadOnlyList<string> Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(item => item.GetString() ?? "").ToList()
            : [];

    private static IReadOnlyList<string> Keys(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal).ToList()
            : [];

    private static IReadOnlyDictionary<string, string> StringMap(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetString() ?? "")
            : new Dictionary<string, string>();
}
