namespace Generator.Tests;

/// <summary>Bad <c>seed</c> input is refused before anything is written (exit 2), each problem on one error
/// line that names the problem and the fix; <c>--force</c> overwrites only what the generator writes.
/// In-process through the tool's command line (<see cref="CourseSeeding"/>).</summary>
[Collection(GeneratorCollection.Name)]
public sealed class SeedBadInputTests(SeededCourses courses)
{
    /// <summary>Each case: its name, the options past --out, and what one error line must hold (problem | fix).</summary>
    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { "unknown language", "--languages go,cobol", "error: Unknown language 'cobol' | choose from dotnet, go, node, python, rust." },
        { "runtime the language lacks", "--languages go --runtime go=slim", "error: Go offers no runtime 'slim' | choose from alpine, distroless, scratch." },
        { "runtime for a language not seeded", "--languages go --runtime rust=scratch", "not being seeded | add 'rust' to --languages" },
        { "runtime without a choice", "--languages go --runtime go", "'go' is not LANG=CHOICE | --runtime go=scratch" },
        { "port base zero", "--languages go --port-base 0", "error: --port-base 0 | choose a base between 1 and 65535." },
        { "ports past 65535", "--port-base 65535", "ports 65535-65539 | between 1 and 65531" },
        { "unknown mode", "--languages go --mode fast", "--mode 'fast' | solution, starter or both" },
        { "port base not a number", "--languages go --port-base 80a", "--port-base '80a' is not a port number | between 1 and 65535" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_exits_2_naming_problem_and_fix_on_one_line_and_nothing_is_written(string @case, string arguments, string expected)
    {
        var output = courses.NewScratchPath(@case.Replace(' ', '-'));

        var run = await CourseSeeding.SeedAsync(output, arguments.Split(' '));

        Assert.True(run.ExitCode == 2, $"Case '{@case}': expected exit code 2 (bad input):\n{run.Describe()}");
        var (problem, fix) = (expected.Split(" | ")[0], expected.Split(" | ")[1]);
        Assert.True(
            run.ErrorLines.Any(l => l.StartsWith("error:", StringComparison.Ordinal) && l.Contains(problem, StringComparison.Ordinal) && l.Contains(fix, StringComparison.Ordinal)),
            $"Case '{@case}': expected an error line holding \"{problem}\" and \"{fix}\" (look at tools/Multistage/Seeding/SeedPlanner.cs):\n{run.Describe()}");
        Assert.Equal("Nothing was written.", run.ErrorLines[^1]);
        Assert.Empty(run.Output);
        Assert.False(Directory.Exists(output), $"Case '{@case}': seed refused the input but created {output}.");
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var output = courses.NewScratchPath("many-problems");

        var run = await CourseSeeding.SeedAsync(output, ["--languages", "go,cobol", "--runtime", "go=slim", "--port-base", "0", "--mode", "fast"]);

        var errors = run.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.True(run.ExitCode == 2 && errors.Count == 4, $"Expected exit 2 and 4 error lines (language, runtime, port, mode):\n{run.Describe()}");
    }

    [Fact]
    public async Task Non_empty_output_folder_is_refused_without_force_and_left_untouched()
    {
        var output = courses.NewScratchPath("non-empty");
        Directory.CreateDirectory(output);
        var userFile = Path.Combine(output, "notes.txt");
        File.WriteAllText(userFile, "mine\n");

        var run = await CourseSeeding.SeedAsync(output, ["--languages", "go"]);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains(run.ErrorLines, l => l.Contains("is not empty", StringComparison.Ordinal) && l.Contains("--force", StringComparison.Ordinal));
        Assert.Equal(["notes.txt"], CourseSeeding.Files(output));
        Assert.Equal("mine\n", File.ReadAllText(userFile));
    }

    [Fact]
    public async Task Force_overwrites_generated_files_and_keeps_the_users_own()
    {
        var output = courses.NewScratchPath("force");
        await CourseSeeding.SeedOrFailAsync(output, ["--languages", "go"]);
        var pristine = CourseSeeding.Files(output).ToDictionary(f => f, f => File.ReadAllText(Path.Combine(output, f)));

        // A learner's own file, and edits to one course-level and one sample file.
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine\n");
        File.WriteAllText(Path.Combine(output, "README.md"), "edited\n");
        File.WriteAllText(Path.Combine(output, "go", "main.go"), "edited\n");

        await CourseSeeding.SeedOrFailAsync(output, ["--languages", "go", "--force"]);

        Assert.True(File.Exists(Path.Combine(output, "notes.txt")), $"--force deleted the user's file {output}/notes.txt; it must keep every file that a seed does not write.");
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(output, "notes.txt")));
        foreach (var (relative, text) in pristine)
        {
            Assert.True(
                text == File.ReadAllText(Path.Combine(output, relative)),
                $"--force did not restore the generated file {relative} in {output}.");
        }

        Assert.Equal(pristine.Keys.Append("notes.txt").Order(StringComparer.Ordinal), CourseSeeding.Files(output));
    }

    [Fact]
    public async Task Output_inside_the_template_folders_or_around_them_is_refused_even_with_force()
    {
        var templates = TestRepository.TemplatesDirectory;
        foreach (var (output, expected) in new[]
                 {
                     (Path.Combine(templates, "go"), "is inside the template folders"),
                     (templates, "is inside the template folders"),
                     (TestRepository.Root, "holds the template folders"),
                 })
        {
            var run = await CourseSeeding.SeedAsync(output, ["--languages", "go", "--force"]);
            Assert.True(run.ExitCode == 2 && run.Errors.Contains(expected, StringComparison.Ordinal),
                $"Expected seed --out {output} to be refused with \"{expected}\":\n{run.Describe()}");
        }
    }

    [Fact]
    public async Task Force_with_another_mode_leaves_no_sample_of_the_old_course()
    {
        var output = courses.NewScratchPath("force-mode");
        await CourseSeeding.SeedOrFailAsync(output, ["--languages", "go,rust"]);
        Directory.CreateDirectory(Path.Combine(output, ".github", "workflows"));
        File.WriteAllText(Path.Combine(output, ".github", "workflows", "mine.yml"), "mine\n");

        await CourseSeeding.SeedOrFailAsync(output, ["--languages", "go", "--mode", "starter", "--force"]);

        var files = CourseSeeding.Files(output);
        Assert.DoesNotContain("go/Dockerfile", files);
        Assert.DoesNotContain(files, f => f.StartsWith("rust/", StringComparison.Ordinal));
        Assert.Contains("go/Dockerfile.single", files);
        Assert.Contains(".github/workflows/mine.yml", files);
        var fresh = courses.NewScratchPath("force-mode-fresh");
        await CourseSeeding.SeedOrFailAsync(fresh, ["--languages", "go", "--mode", "starter"]);
        Assert.Equal(CourseSeeding.Files(fresh).Append(".github/workflows/mine.yml").Order(StringComparer.Ordinal), files);
    }
}
