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
            // The daemon's problem already ends with its fix.
            SkipOrFail(Status.Problem, fix: null);
        }
    }

    /// <summary>Skips the running test for <paramref name="reason"/> (counted once per reason in the run's
    /// summary), or fails it where Docker tests must run.</summary>
    public static void SkipOrFail(string reason, string? fix, string? detail = null)
    {
        if (Required)
        {
            throw new InvalidOperationException(
                $"{reason}{(detail is null ? "" : $": {detail}")}{(fix is null ? "" : $". Fix: {fix}")} (CI=true or {RequireVariable}=1: the image tests must run here, so this fails.)");
        }

        SkippedTests.Skip(reason, fix, detail);
    }
}
