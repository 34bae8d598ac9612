using Multistage.Tests.Shared;
namespace Templates.Tests.Generator;

/// <summary>The <c>seed</c> command as a process: exit codes and what it prints, on good and bad input.</summary>
[Collection(GeneratorCollection.Name)]
public sealed class SeedCommandLineTests(SeededCourses courses)
{
    [Fact]
    public async Task Seed_command_exits_0_and_writes_the_course()
    {
        var work = courses.NewScratchPath("cli-good");
        var result = await MultistageCli.RunAsync(work, ["seed", "--out", "course", "--languages", "go", "--port-base", "9100"]);

        Assert.True(result.ExitCode == 0, $"Expected exit code 0 from seed; got:\n{result.Describe()}");
        var files = CourseSeeding.Files(Path.Combine(work, "course"));
        foreach (var expected in new[] { "README.md", "compose.yaml", "docker-bake.hcl", ".github/workflows/images.yml", "go/Dockerfile", "go/Dockerfile.single" })
        {
            Assert.True(files.Contains(expected), $"seed exited 0 but {expected} is missing from {work}/course; files: {string.Join(", ", files)}");
        }

        Assert.Contains("9100", File.ReadAllText(Path.Combine(work, "course", "compose.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_command_with_bad_input_exits_2_lists_every_problem_and_writes_nothing()
    {
        var work = courses.NewScratchPath("cli-bad");
        var result = await MultistageCli.RunAsync(work, ["seed", "--out", "course", "--languages", "go,cobol", "--runtime", "go=slim", "--port-base", "0"]);

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad input) from seed; got:\n{result.Describe()}");
        // Each problem is one whole line on standard error, problem and fix together, even when redirected.
        var lines = result.StandardError.Split('\n', StringSplitOptions.TrimEntries);
        foreach (var (problem, fix) in new[]
                 {
                     ("error: Unknown language 'cobol'", "choose from dotnet, go, node, python, rust."),
                     ("error: Go offers no runtime 'slim'", "choose from alpine, distroless, scratch."),
                     ("error: --port-base 0", "choose a base between 1 and 65535."),
                 })
        {
            Assert.True(
                lines.Any(l => l.StartsWith(problem, StringComparison.Ordinal) && l.EndsWith(fix, StringComparison.Ordinal)),
                $"Expected a line starting \"{problem}\" and ending \"{fix}\" in seed's output (look at SeedPlanner.cs, or Program.cs if it wrapped):\n{result.Describe()}");
        }

        Assert.Contains("Nothing was written.", lines);
        Assert.False(Directory.Exists(Path.Combine(work, "course")), $"seed refused the input but created {work}/course.");
    }

    /// <summary>Command lines the parser or the commands must refuse: arguments, then what the one error line says.</summary>
    public static TheoryData<string[], string> MalformedCommandLines() => new()
    {
        { ["seed", "--out", "course", "--langauges", "go"], "Unknown option 'langauges'" },
        { ["seed", "--out", "course", "--port-base", "go"], "--port-base 'go' is not a port number: choose a base between 1 and 65531." },
        // Spectre gives an option without a value the text "__default_command": `seed --out` seeded a folder of that name.
        { ["seed", "--out"], "--out needs a value (<DIR>)" },
        { ["--port-base"], "--port-base needs a value (<N>)" },
        { ["compare", "course", "--json"], "--json needs a value (<FILE>)" },
        { ["seed", "--out", ""], "--out is empty: pass a folder" },
        { ["seed", "--out", "afile/course"], "lies below" },
        { ["compare", "afile", "--json", "."], "--json . is a folder: pass a file name inside it" },
        { ["compare", "afile", "--out", "afile/report"], "--out afile/report lies below" },
    };

    [Theory]
    [MemberData(nameof(MalformedCommandLines))]
    public async Task Malformed_command_lines_are_refused_in_one_line_naming_the_option_and_nothing_is_written(string[] arguments, string problem)
    {
        var work = courses.NewScratchPath("cli-malformed");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "afile"), "a file where a folder is asked for\n");

        var result = await MultistageCli.RunAsync(work, arguments);

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad input) for `{string.Join(' ', arguments)}`; got:\n{result.Describe()}");
        var errors = result.StandardError.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.True(
            errors.Count == 1 && errors[0].Contains(problem, StringComparison.Ordinal),
            $"Expected one error line containing \"{problem}\" and no stack trace (see FailureHandler.cs, MissingOptionValue.cs, OutputPaths.cs):\n{result.Describe()}");
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.Equal(["afile"], CourseSeeding.Files(work));
        Assert.Empty(Directory.GetDirectories(work));
    }

    [Fact]
    public async Task Seed_command_refuses_a_non_empty_folder_and_names_force()
    {
        var work = courses.NewScratchPath("cli-non-empty");
        Directory.CreateDirectory(Path.Combine(work, "course"));
        File.WriteAllText(Path.Combine(work, "course", "notes.txt"), "mine\n");

        var result = await MultistageCli.RunAsync(work, ["seed", "--out", "course", "--languages", "go"]);

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 for a non-empty folder; got:\n{result.Describe()}");
        Assert.Contains("--force", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], CourseSeeding.Files(Path.Combine(work, "course")));
    }
}
