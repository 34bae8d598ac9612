using System.Text.Json;

namespace Multistage.Core.Dockerize.Detectors.Dotnet;

/// <summary>global.json's SDK pin, against the SDK the build stage has (the major of the target framework):
/// a pin that cannot roll forward to it stops `dotnet restore` in the image ("Requested SDK version").</summary>
internal static class SdkPin
{
    /// <summary>The rollForward policies that accept a later major version.</summary>
    private static readonly string[] AcrossMajors = ["latestMajor", "major"];

    /// <returns>The warning naming the file and the change, or null when the pin is absent or compatible.</returns>
    public static string? Check(ProjectFolder folder, IReadOnlyList<string> settingsFiles, int imageSdkMajor)
    {
        var path = settingsFiles.FirstOrDefault(f => Path.GetFileName(f) == "global.json");
        if (path is null || folder.Read(path) is not { } text)
        {
            return null;
        }

        using var json = ProjectJson.TryParse(text);
        if (json is null || !json.RootElement.TryGetProperty("sdk", out var sdk) || sdk.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var version = sdk.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var rollForward = sdk.TryGetProperty("rollForward", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;

        if (version is null || !int.TryParse(version.Split('.')[0], out var pinnedMajor) || pinnedMajor == imageSdkMajor
            || (pinnedMajor < imageSdkMajor && AcrossMajors.Contains(rollForward, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        return $"{path} pins the .NET SDK {version} (rollForward {rollForward ?? "patch"}), and the build stage has the .NET {imageSdkMajor} SDK: restore stops there (\"Requested SDK version\"). " +
               $"Set \"rollForward\": \"latestMajor\" in {path}, or move its pin to {imageSdkMajor}.0.100.";
    }
}
