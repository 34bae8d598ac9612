namespace Multistage.Core.Templates;

/// <summary>Environment for scripted `dotnet` calls: no telemetry, banners or first-run work in captured output.</summary>
public static class DotnetEnvironment
{
    public static IReadOnlyDictionary<string, string?> Quiet { get; } = new Dictionary<string, string?>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };
}
