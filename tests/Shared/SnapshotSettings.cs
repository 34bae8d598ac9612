namespace Multistage.Tests.Shared;

/// <summary>
/// Whether snapshot tests rewrite the verified trees. Read once from the environment by the tests and passed
/// in explicitly, so the helper's own tests can try every combination without touching the environment.
/// </summary>
public sealed record SnapshotSettings(bool Accept, bool RunningInCi)
{
    public const string AcceptVariable = "MULTISTAGE_ACCEPT_SNAPSHOTS";

    public static SnapshotSettings FromEnvironment() => new(
        Environment.GetEnvironmentVariable(AcceptVariable) == "1",
        ContinuousIntegration.IsRunning);
}
