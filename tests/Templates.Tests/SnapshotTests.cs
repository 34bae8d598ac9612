using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>Each scenario's generated tree equals its reviewed copy in Snapshots/&lt;scenario&gt;.verified/.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class SnapshotTests(TemplatesFixture fixture)
{
    [Theory]
    [MemberData(nameof(RepositoryData.ScenarioNames), MemberType = typeof(RepositoryData))]
    public async Task Generated_tree_matches_the_verified_snapshot(string scenario)
    {
        var output = await fixture.GenerateAsync(scenario);
        DirectorySnapshot.Verify(output, fixture.SnapshotsDirectory, scenario, SnapshotSettings.FromEnvironment());
    }

    [Fact]
    public void Every_verified_snapshot_belongs_to_a_scenario()
    {
        // Template scenarios and the generator's seed requests share the Snapshots folder.
        var known = fixture.Scenarios.Select(s => s.Name)
            .Concat(Generator.SeedRequest.All.Select(r => r.Name))
            .Concat(Multistage.Tests.Shared.InitLayouts.All.Where(l => l.ImageTest).Select(l => Init.InitCommandLineTests.SnapshotName(l.Folder)))
            .Select(name => name + ".verified")
            .ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.Exists(fixture.SnapshotsDirectory)
            ? Directory.GetDirectories(fixture.SnapshotsDirectory, "*.verified").Select(Path.GetFileName)
                .Where(name => !known.Contains(name!)).Order(StringComparer.Ordinal).ToList()
            : [];
        Assert.True(
            orphans.Count == 0,
            $"Verified snapshots with no scenario (a runtime or template was renamed or removed?): {string.Join(", ", orphans)}. " +
            $"Delete them from {fixture.SnapshotsDirectory}.");
    }
}
