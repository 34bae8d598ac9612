using Multistage.Core.Templates;

namespace Generator.Tests;

/// <summary>The <c>seed</c> command line, in-process: exit codes, what it prints and what it writes, for good
/// input and for command lines the parser or the commands must refuse. One run of the real binary checks
/// what only a process shows (errors on standard error, unwrapped when redirected).</summary>
[Collection(GeneratorCollection.Name)]
public sealed class SeedCommandLineTests(SeededCourses courses)
{
    [Fact]
    public async Task Seed_exits_0_writes_the_course_and_says_what_it_seeded_and_what_to_run_next()
    {
        var output = courses.NewScratchPath("cli-good");

        var run = await CourseSeeding.SeedAsync(output, ["--languages", "go", "--port-base", "9100"]);

        Assert.True(run.ExitCode == 0, $"Expected exit code 0 from seed:\n{run.Describe()}");
        Assert.Equal($"Templates: the clone's own template folders ({RepositoryLayout.TemplatesDirectory(RepositoryLayout.FindRoot())})", run.OutputLines[0]);
        Assert.Contains(run.OutputLines, l => l.StartsWith("│ Go", StringComparison.Ordinal) && l.Contains("9100", StringComparison.Ordinal));
        // The clock stands still in-process, so the whole line is known.
        Assert.Equal($"Seeded {output} (solution) in 0.0 s. Next: {Multistage.Cli.SelfCommand.Line} compare {output}", run.OutputLines[^1]);
        Assert.Empty(run.Errors);
        var files = CourseSeeding.Files(output);
        foreach (var expected in new[] { "README.md", "compose.yaml", "docker-bake.hcl", ".github/workflows/images.yml", "go/Dockerfile", "go/Dockerfile.single" })
        {
            Assert.True(files.Contains(expected), $"seed exited 0 but {expected} is missing from {output}; files: {string.Join(", ", files)}");
        }

        Assert.DoesNotContain(files, f => f.StartsWith("python/", StringComparison.Ordinal));
        Assert.Contains("9100", File.ReadAllText(Path.Combine(output, "compose.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_cancelled_before_it_writes_exits_130_with_one_line_and_leaves_nothing()
    {
        var output = courses.NewScratchPath("cli-cancelled");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await InProcessCli.RunAsync(["seed", "--out", output, "--languages", "go"], cancellationToken: cancelled.Token);

        Assert.True(run.ExitCode == 130, $"Expected exit code 130 (cancelled):\n{run.Describe()}");
        Assert.Equal(["error: Cancelled: nothing was changed; run the command again to finish it."], run.ErrorLines);
        Assert.False(Directory.Exists(output), $"A cancelled seed created {output}.");
    }

    [Fact]
    public async Task Help_names_the_templates_a_command_uses_and_its_options()
    {
        var run = await InProcessCli.RunAsync(["seed", "--help"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains($"Templates: the clone's own template folders ({RepositoryLayout.TemplatesDirectory(RepositoryLayout.FindRoot())})", run.Output, StringComparison.Ordinal);
        foreach (var option in new[] { "--out", "--languages", "--runtime", "--mode", "--port-base", "--force", "--templates" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>Command lines the parser or the commands must refuse: arguments, then what the one error line
    /// says; {work} is the test's folder, which holds only the file afile.</summary>
    public static TheoryData<string[], string> MalformedCommandLines() => new()
    {
        { ["seed", "--out", "{work}/course", "--langauges", "go"], "Unknown option 'langauges'" },
        { ["seed", "--out", "{work}/course", "--port-base", "go"], "--port-base 'go' is not a port number: choose a base between 1 and 65531." },
        // Spectre gives an option without a value the text "__default_command": `seed --out` seeded a folder of that name.
        { ["seed", "--out"], "--out needs a value (<DIR>)" },
        { ["--port-base"], "--port-base needs a value (<N>)" },
        { ["compare", "{work}/course", "--json"], "--json needs a value (<FILE>)" },
        { ["seed", "--out", ""], "--out is empty: pass a folder" },
        { ["seed", "--out", "{work}/afile/course"], "lies below {work}/afile, which is a file" },
        { ["compare", "{work}/afile", "--json", "{work}"], "--json {work} is a folder: pass a file name inside it" },
        { ["compare", "{work}/afile", "--out", "{work}/afile/report"], "--out {work}/afile/report lies below" },
    };

    [Theory]
    [MemberData(nameof(MalformedCommandLines))]
    public async Task Malformed_command_lines_are_refused_in_one_line_naming_the_option_and_nothing_is_written(string[] arguments, string problem)
    {
        var work = courses.NewScratchPath("cli-malformed");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "afile"), "a file where a folder is asked for\n");
        problem = problem.Replace("{work}", work, StringComparison.Ordinal);

        var run = await InProcessCli.RunAsync([.. arguments.Select(a => a.Replace("{work}", work, StringComparison.Ordinal))], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 2, $"Expected exit code 2 (bad input):\n{run.Describe()}");
        var errors = run.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.True(
            errors.Count == 1 && errors[0].Contains(problem, StringComparison.Ordinal),
            $"Expected one error line containing \"{problem}\" and no stack trace (see FailureHandler.cs, MissingOptionValue.cs, OutputPaths.cs):\n{run.Describe()}");
        Assert.DoesNotContain("   at ", run.Output + run.Errors, StringComparison.Ordinal);
        Assert.Equal(["afile"], CourseSeeding.Files(work));
    }

    [Fact]
    public async Task The_binary_writes_each_problem_as_one_whole_line_on_standard_error_even_when_redirected()
    {
        var work = courses.NewScratchPath("cli-process");
        var result = await MultistageCli.RunAsync(work, ["seed", "--out", "course", "--languages", "go,cobol", "--runtime", "go=slim", "--port-base", "0"]);

        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad input) from seed; got:\n{result.Describe()}");
        // Longer than 80 columns: Program.cs and ErrorOutput keep Spectre from wrapping a redirected stream.
        var lines = result.StandardError.Split('\n', StringSplitOptions.TrimEntries);
        const string Problem = "error: Unknown language 'cobol' in --languages: choose from dotnet, go, node, python, rust.";
        Assert.True(lines.Contains(Problem), $"Expected the line \"{Problem}\" whole on standard error (Program.cs, ErrorOutput.cs):\n{result.Describe()}");
        Assert.Equal("Nothing was written.", lines.Last(l => l.Length > 0));
        Assert.Empty(result.StandardOutput);
        Assert.False(Directory.Exists(Path.Combine(work, "course")), $"seed refused the input but created {work}/course.");
    }
}
