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
    public void Every_verified_snapshot_belongs_to_a_scenario() =>
        DirectorySnapshot.AssertNoOrphans(fixture.SnapshotsDirectory, fixture.Scenarios.Select(scenario => scenario.Name));
}
