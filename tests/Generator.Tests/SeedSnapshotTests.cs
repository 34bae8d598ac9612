
namespace Generator.Tests;

/// <summary><c>seed</c>'s course-level files and sample layout, per mode, equal Snapshots/seed-&lt;mode&gt;.verified/.</summary>
[Collection(GeneratorCollection.Name)]
public sealed class SeedSnapshotTests(SeededCourses courses)
{
    public static TheoryData<string> Requests() => new(SeedRequest.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Seeded_course_matches_the_verified_snapshot(string request)
    {
        var course = await courses.GetAsync(SeedRequest.Named(request));
        var view = courses.NewScratchPath($"{request}-view");
        CourseSnapshotView.Write(course.Directory, view);

        DirectorySnapshot.Verify(view, SnapshotsDirectory, request, SnapshotSettings.FromEnvironment());
    }

    [Fact]
    public async Task Seeding_the_same_request_twice_gives_identical_files()
    {
        // Snapshots only mean something if the output is deterministic: no dates, paths or hash order.
        var first = await courses.GetAsync(SeedRequest.Both);
        var second = courses.NewScratchPath("seed-both-again");
        await CourseSeeding.SeedOrFailAsync(second, SeedRequest.Both.Arguments);

        var difference = DirectorySnapshot.Compare(first.Directory, second);
        Assert.True(difference is null, $"Seeding {SeedRequest.Both.Name} twice gave different trees ({first.Directory} vs {second}):\n{difference}");
    }

    [Fact]
    public void Every_verified_snapshot_belongs_to_a_seed_request_or_an_init_layout() =>
        DirectorySnapshot.AssertNoOrphans(GeneratorSnapshots.Directory, GeneratorSnapshots.Names());

    private static string SnapshotsDirectory => GeneratorSnapshots.Directory;
}
