using Multistage.Tests.Shared;

namespace Templates.Tests.Infrastructure;

/// <summary>A document's generated block (catalog tables, check's table) must be what the code writes now:
/// a stale copy fails the test, or with MULTISTAGE_ACCEPT_SNAPSHOTS=1 outside CI is rewritten in place.</summary>
public static class GeneratedBlockAssert
{
    /// <param name="generated">The document with the block regenerated, or null when its markers are missing.</param>
    /// <param name="markers">What the missing markers are, for the failure message.</param>
    /// <param name="source">What the block is written from, for the failure message.</param>
    public static void IsCurrent(string path, string current, string? generated, string markers, string source, string testFilter)
    {
        Assert.True(generated is not null, $"{path} has no {markers} block.");
        if (generated == current)
        {
            return;
        }

        var settings = SnapshotSettings.FromEnvironment();
        if (settings.Accept && !settings.RunningInCi)
        {
            File.WriteAllText(path, generated);
            return;
        }

        Assert.Fail(
            $"{path}: the block between the {markers} markers differs from {source}. " +
            $"Regenerate it: {SnapshotSettings.AcceptVariable}=1 dotnet test tests/Templates.Tests --filter {testFilter} (not in CI), then review the diff.");
    }
}
