using Multistage.Core.Docker;

namespace Images.Tests;

/// <summary>Asked once per test run: does a daemon answer, and must the tests fail when none does?</summary>
public static class DockerAvailability
{
    public const string RequireVariable = "MULTISTAGE_REQUIRE_DOCKER";

    private static readonly Lazy<DaemonStatus> Probe = new(() =>
        DaemonStatus.ProbeAsync(DockerCli.FromEnvironment()).GetAwaiter().GetResult());

    public static DaemonStatus Status => Probe.Value;

    /// <summary>In CI (the tests' one rule, <see cref="ContinuousIntegration"/>) or with MULTISTAGE_REQUIRE_DOCKER=1,
    /// a missing daemon is a failure, not a quiet skip.</summary>
    public static bool Required => ContinuousIntegration.IsRunning || Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why the image tests are skipped, or null when they run.</summary>
    public static string? SkipReason =>
        Status.Available || Required
            ? null
            : $"{Status.Problem} (set {RequireVariable}=1 to make this a failure)";
}
