namespace Generator.Tests;

/// <summary>The seeded course's README points to what the course holds, read from the course on disk:
/// each exercise folder with `multistage check`, and each folder under pitfalls/ with `multistage pitfalls`.</summary>
[Collection(GeneratorCollection.Name)]
public sealed class CourseReadmeTests(SeededCourses courses)
{
    public static TheoryData<string> Requests() => new(SeedRequest.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task README_names_check_for_the_exercises_and_every_pitfall_folder(string request)
    {
        var course = await courses.GetAsync(SeedRequest.Named(request));
        var readme = File.ReadAllText(course.PathOf("README.md"));
        var exercises = CourseSeeding.Files(course.Directory).Where(f => f.EndsWith("/EXERCISE.md", StringComparison.Ordinal) || f == "EXERCISE.md")
            .Select(f => f[..^"/EXERCISE.md".Length]).ToList();
        var pitfallsFolder = course.PathOf("pitfalls");
        var pitfalls = Directory.Exists(pitfallsFolder)
            ? Directory.GetDirectories(pitfallsFolder).Select(d => $"pitfalls/{Path.GetFileName(d)}/").Order(StringComparer.Ordinal).ToList()
            : [];

        Assert.Equal(exercises.Count > 0, readme.Contains("multistage check ", StringComparison.Ordinal));
        if (exercises.Count > 0)
        {
            Assert.Contains($"multistage check {exercises[0]}", readme, StringComparison.Ordinal);
        }

        Assert.Equal(pitfalls.Count > 0, readme.Contains("multistage pitfalls", StringComparison.Ordinal));
        var unnamed = pitfalls.Where(folder => !readme.Contains($"[`{folder}`]({folder})", StringComparison.Ordinal)).ToList();
        Assert.True(unnamed.Count == 0, $"{course.PathOf("README.md")} does not link these pitfall folders: {string.Join(", ", unnamed)}");
        Assert.Equal(request == SeedRequest.Both.Name, pitfalls.Count > 0);
    }
}
