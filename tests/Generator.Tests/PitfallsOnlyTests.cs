namespace Generator.Tests;

/// <summary>
/// <c>pitfalls --only</c> without Docker: a name the course does not have is refused before anything is built,
/// with the names it does have, and each runnable pitfall's README names the command that runs just it.
/// </summary>
public sealed class PitfallsOnlyTests : IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("pitfalls-only");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task An_unknown_pitfall_is_refused_naming_the_ones_the_course_has()
    {
        var course = await SeedGoPitfallsAsync();

        var run = await InProcessCli.RunAsync(["pitfalls", course, "--only", "go-cgo-on-scratch", "--only", "go-no-such-thing"],
            InProcessCli.NoDaemon, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 2, $"Expected exit code 2 (bad input), before Docker is asked:\n{run.Describe()}");
        var error = run.ErrorLines[0];
        Assert.Contains("--only go-no-such-thing: no such pitfall in", error, StringComparison.Ordinal);
        Assert.Contains("The course has: ", error, StringComparison.Ordinal);
        Assert.Contains("go-cgo-on-scratch", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--only go-cgo-on-scratch,", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_runnable_pitfall_readme_names_the_command_that_runs_only_it()
    {
        var course = await SeedGoPitfallsAsync();

        var readme = File.ReadAllText(Path.Combine(course, "pitfalls", "go-cgo-on-scratch", "README.md"));
        Assert.Contains("`multistage pitfalls . --only go-cgo-on-scratch`", readme, StringComparison.Ordinal);
    }

    private async Task<string> SeedGoPitfallsAsync()
    {
        var course = _work.Combine("course");
        var seed = await InProcessCli.RunAsync(["seed", "--out", course, "--languages", "go", "--pitfalls"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(seed.Succeeded, $"Seeding a course with pitfalls failed:\n{seed.Describe()}");
        return course;
    }
}
