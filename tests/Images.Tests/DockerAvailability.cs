using Multistage.Core.Docker;

namespace Images.Tests;

/// <summary>
/// Asked once per test run, when the first image test runs (never while tests are discovered): does a daemon
/// answer, and must the tests fail when none does?
/// </summary>
public static class DockerAvailability
{
    public const string RequireVariable = "MULTISTAGE_REQUIRE_DOCKER";

    // Task.Run: the probe's awaits must not wait for xunit's test thread, which is blocked here until it answers.
    private static readonly Lazy<DaemonStatus> Probe = new(() =>
        Task.Run(() => DaemonStatus.ProbeAsync(DockerCli.FromEnvironment())).GetAwaiter().GetResult());

    public static DaemonStatus Status => Probe.Value;

    /// <summary>In CI (the tests' one rule, <see cref="ContinuousIntegration"/>) or with MULTISTAGE_REQUIRE_DOCKER=1,
    /// a missing daemon is a failure, not a quiet skip.</summary>
    public static bool Required => ContinuousIntegration.IsRunning || Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>
    /// Returns when the daemon answers. Otherwise the calling test is skipped, naming the problem and the fix, or,
    /// where the tests are <see cref="Required"/>, fails with the same words.
    /// </summary>
    public static void RequireDaemon()
    {
        if (!Status.Available)
        {
            SkipOrFail(Status.Problem);
        }
    }

    /// <summary>Skips the running test with <paramref name="problem"/>, or fails it where Docker tests must run.</summary>
    public static void SkipOrFail(string problem)
    {
        if (Required)
        {
            throw new InvalidOperationException($"{problem} (CI=true or {RequireVariable}=1: the image tests must run here, so this fails.)");
        }

        Assert.Skip($"{problem} (set {RequireVariable}=1 to make this a failure)");
    }
}
