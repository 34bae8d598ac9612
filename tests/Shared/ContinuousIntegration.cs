namespace Multistage.Tests.Shared;

/// <summary>The one "running in CI" rule of the tests: CI=true, as GitHub Actions and most CI systems set it.
/// In CI nothing is skipped for a missing tool and no snapshot is rewritten.</summary>
public static class ContinuousIntegration
{
    public const string Variable = "CI";

    public static bool IsRunning =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "true", StringComparison.OrdinalIgnoreCase);
}
