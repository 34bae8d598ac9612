using Multistage.Core.Docker;

namespace Generator.Tests;

/// <summary>What a new user meets (issue 20), in-process: commands printed to paste are quoted for the
/// shell, errors name the problem and the fix with the documented exit code, input is checked before any
/// work, and a cancelled command says in one line what state things are in.</summary>
[Collection(GeneratorCollection.Name)]
public sealed class NewUserCommandLineTests(SeededCourses courses) : IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("new-user");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Seeds_next_line_quotes_a_path_with_a_space_and_non_ASCII_letters()
    {
        var output = Path.Combine(courses.NewScratchPath("quoting"), "cours é 中文");

        var run = await CourseSeeding.SeedAsync(output, ["--languages", "go"]);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal($"Seeded {output} (solution) in 0.0 s. Next: {Multistage.Cli.SelfCommand.Line} compare '{output}'", run.OutputLines[^1]);
    }

    [Fact]
    public async Task Inits_next_line_quotes_the_project_folder()
    {
        var folder = Copy("go-root-main", "go svc é");

        var run = await InProcessCli.RunAsync(["init", folder], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal($"Next: docker build -t hello '{folder}' && docker build -f '{folder}/Dockerfile.single' -t hello:single '{folder}'", run.OutputLines[^1]);
    }

    [Fact]
    public async Task A_main_package_at_the_root_is_suggested_as_a_command_not_as_main_dot_dot()
    {
        var folder = Copy("go-two-commands", "root-and-cmd");
        File.Copy(Path.Combine(folder, "cmd", "api", "main.go"), Path.Combine(folder, "main.go"));

        var run = await InProcessCli.RunAsync(["init", folder, "--dry-run"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Equal("error: Go: several main packages (., ./cmd/api, ./cmd/worker): pass `--set main=.`.", run.ErrorLines[0]);
    }

    [Fact]
    public async Task Init_in_the_current_folder_says_it_wrote_to_the_current_folder()
    {
        var folder = Copy("go-root-main", "here");

        var result = await MultistageCli.RunAsync(folder, ["init"]);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("Wrote .dockerignore, Dockerfile, Dockerfile.single, README.Docker.md, compose.yaml to the current folder.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Next: docker build -t hello . && docker build -f ./Dockerfile.single -t hello:single .", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_300_character_name_is_refused_before_writing_as_no_image_name()
    {
        var folder = Copy("go-root-main", "long-name");

        var run = await InProcessCli.RunAsync(["init", folder, "--name", new string('a', 300)], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, "gives an image and Compose service name of 300 characters", "at most 63: pass a shorter `--name`");
        Assert.Equal(["go.mod", "main.go"], FileTree.RelativeFiles(folder));
    }

    [Fact]
    public async Task Init_in_a_read_only_folder_is_refused_naming_the_fix()
    {
        using var folder = await ReadOnlyFolder.CreateAsync(_work.Combine("read-only-project"),
            path => InitLayouts.CopyTo(TestRepository.Root, "go-root-main", path));

        var run = await InProcessCli.RunAsync(["init", folder.Path], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, $"{folder.Path} is ", "init writes its files there: run init in a writable copy of the project, or pass --dry-run");
    }

    [Fact]
    public async Task Seed_into_a_read_only_folder_is_refused_before_any_work()
    {
        using var folder = await ReadOnlyFolder.CreateAsync(_work.Combine("read-only-courses"));

        var run = await CourseSeeding.SeedAsync(Path.Combine(folder.Path, "course"), ["--languages", "go"]);

        AssertBadInput(run, $"--out {folder.Path}/course: {folder.Path} is ", "choose a path you can write to.");
    }

    [Fact]
    public async Task Compare_with_a_json_file_it_cannot_write_fails_before_it_looks_for_docker()
    {
        var course = FakeCourse();
        using var folder = await ReadOnlyFolder.CreateAsync(_work.Combine("read-only-report"));

        var run = await InProcessCli.RunAsync(["compare", course, "--json", Path.Combine(folder.Path, "missing", "x.json")], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, $"--json {folder.Path}/missing/x.json: {folder.Path} is ", "choose a path you can write to.");
    }

    [Fact]
    public async Task Pulls_that_is_not_a_number_is_refused_by_name()
    {
        var run = await InProcessCli.RunAsync(["compare", FakeCourse(), "--pulls", "abc"], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, "--pulls 'abc' is not a number of pulls", "pass a whole number of at least 1");
    }

    [Fact]
    public async Task An_extra_argument_is_unexpected_not_an_unknown_command()
    {
        var run = await InProcessCli.RunAsync(["catalog", "--json", "extra"], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, "Unexpected argument 'extra': `multistage catalog` takes no arguments", "see `multistage catalog --help`");
    }

    [Fact]
    public async Task A_missing_MULTISTAGE_DOCKER_binary_is_fixed_there_not_by_starting_Docker()
    {
        var docker = DockerLocation.Resolve(name => name == DockerLocation.BinaryVariable ? "/nonexistent/docker" : null);

        var run = await InProcessCli.RunAsync(["compare", FakeCourse()], docker, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Equal(
            ["error: MULTISTAGE_DOCKER=/nonexistent/docker names no program. Fix: set MULTISTAGE_DOCKER to the full path of a docker client, or unset it to use `docker` from PATH."],
            run.ErrorLines);
    }

    [Fact]
    public async Task Check_on_a_course_root_names_a_sample_to_pass_and_no_exercise_sheet_that_is_not_there()
    {
        var course = courses.NewScratchPath("check-root");
        Directory.CreateDirectory(Path.Combine(course, "go"));

        var run = await InProcessCli.RunAsync(["check", course], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, "a course's root (go): check grades one sample folder", $"check {course}/go`");
        Assert.DoesNotContain("EXERCISE.md", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_on_a_sample_folder_names_its_course_and_prints_no_placeholder()
    {
        var course = FakeCourse();

        var run = await InProcessCli.RunAsync(["compare", Path.Combine(course, "go")], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, $"{course}/go is one sample, not a course", $"compare {course}`.");
        Assert.DoesNotContain("<DIR>", run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("compare")]
    public async Task An_empty_languages_list_is_refused_not_read_as_every_language(string command)
    {
        var output = courses.NewScratchPath("empty-languages");
        string[] arguments = command == "seed" ? ["seed", "--out", output, "--languages", ""] : ["compare", FakeCourse(), "--languages", ""];

        var run = await InProcessCli.RunAsync(arguments, cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, "--languages is empty", "or leave the option out");
        Assert.False(Directory.Exists(output), $"seed --languages \"\" wrote {output}.");
    }

    [Fact]
    public async Task Seed_into_the_templates_of_another_clone_is_refused_naming_the_clone()
    {
        // A clone the tool does not take its templates from: the installed tool run next to one.
        var clone = _work.Combine("other clone");
        Directory.CreateDirectory(Path.Combine(clone, "templates", "go"));
        File.WriteAllText(Path.Combine(clone, "Templates.sln"), "");

        var run = await CourseSeeding.SeedAsync(Path.Combine(clone, "templates", "go", "x"), ["--languages", "go"]);

        AssertBadInput(run, $"is inside the template folders of the clone at {clone}", "Choose a folder outside it.");
        Assert.False(Directory.Exists(Path.Combine(clone, "templates", "go", "x")));
    }

    [Fact]
    public async Task A_main_package_that_does_not_exist_is_refused_before_writing()
    {
        var folder = Copy("go-root-main", "missing-main");

        var run = await InProcessCli.RunAsync(["init", folder, "--set", "main=./nope"], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, "--set main=./nope: there are no .go files in nope/", "`--set main=./cmd/api`");
        Assert.Equal(["go.mod", "main.go"], FileTree.RelativeFiles(folder));
    }

    [Fact]
    public async Task An_entry_that_does_not_exist_is_refused_even_without_a_package_json()
    {
        var folder = Directory.CreateDirectory(_work.Combine("no-package-json")).FullName;

        var run = await InProcessCli.RunAsync(["init", folder, "--language", "node", "--set", "entry=nope.js"], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, "there is no nope.js", "pass --set entry=");
        Assert.Empty(FileTree.RelativeFiles(folder));
    }

    [Fact]
    public async Task A_language_the_project_is_not_is_refused_naming_the_detected_one()
    {
        var folder = Copy("go-root-main", "go-not-python");

        var run = await InProcessCli.RunAsync(["init", folder, "--language", "python"], cancellationToken: TestContext.Current.CancellationToken);

        AssertBadInput(run, "--language python: ", "holds no python project (looked for requirements.txt, requirements/*.txt or pyproject.toml) but a go project (go.mod): pass `--language go`, or leave --language out.");
        Assert.Equal(["go.mod", "main.go"], FileTree.RelativeFiles(folder));
    }

    [Fact]
    public async Task A_cancelled_compare_says_in_one_line_that_no_report_was_written()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await InProcessCli.RunAsync(["compare", FakeCourse()], cancellationToken: cancelled.Token);

        Assert.True(run.ExitCode == 130, run.Describe());
        Assert.Equal(["error: Cancelled: no report was written, and the images being measured were removed; run compare again to measure."], run.ErrorLines);
        Assert.Empty(run.Output);
    }

    /// <summary>A course folder with one Go sample compare finds (its two Dockerfiles); nothing gets built.</summary>
    private string FakeCourse()
    {
        var sample = Directory.CreateDirectory(_work.Combine($"course-{Guid.NewGuid():N}", "go")).FullName;
        File.WriteAllText(Path.Combine(sample, "Dockerfile"), "FROM alpine:3.23\n");
        File.WriteAllText(Path.Combine(sample, "Dockerfile.single"), "FROM alpine:3.23\n");
        return Path.GetDirectoryName(sample)!;
    }

    private string Copy(string layout, string folderName) =>
        InitLayouts.CopyTo(TestRepository.Root, layout, _work.Combine(folderName));

    /// <summary>Exit 2, one error line holding both parts, then "Nothing was written.".</summary>
    private static void AssertBadInput(CliRun run, string problem, string fix)
    {
        Assert.True(run.ExitCode == 2, $"Expected exit 2 (bad input):\n{run.Describe()}");
        var errors = run.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1 && errors[0].Contains(problem, StringComparison.Ordinal) && errors[0].Contains(fix, StringComparison.Ordinal),
            $"Expected one error line holding \"{problem}\" and \"{fix}\":\n{run.Describe()}");
        Assert.Equal("Nothing was written.", run.ErrorLines[^1]);
    }
}
