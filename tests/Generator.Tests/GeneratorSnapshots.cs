namespace Generator.Tests;

/// <summary>Where the generator's reviewed outputs live: seed's course per mode, and init's files per layout.</summary>
public static class GeneratorSnapshots
{
    public static string Directory => TestRepository.SnapshotsDirectory("Generator.Tests");

    /// <summary>Every snapshot this project's tests write; any other .verified folder here is an orphan.</summary>
    public static IEnumerable<string> Names() =>
        SeedRequest.All.Select(request => request.Name)
            .Concat(InitLayouts.All.Select(layout => InitCommandLineTests.SnapshotName(layout.Folder)));
}
