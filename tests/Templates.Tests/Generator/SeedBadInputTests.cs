using Multistage.Cli.Seeding;

namespace Templates.Tests.Generator;

/// <summary>Bad <c>seed</c> input is refused before anything is written, with a message that names the
/// problem and the fix; <c>--force</c> overwrites only what the generator writes.</summary>
[Collection(GeneratorCollection.Name)]
public sealed class SeedBadInputTests(SeededCourses courses)
{
    /// <summary>Each case: its name, the settings past --out, and words the message must hold
    /// (the problem, then the fix).</summary>
    public static TheoryData<string, string, string> BadRequests() => new()
    {
        // case, arguments (option=value pairs separated by ' | '), expected fragments separated by ' | '
        { "unknown language", "languages=go,cobol", "'cobol' | choose from dotnet, go, node, python, rust" },
        { "runtime the language lacks", "languages=go | runtime=go=slim", "no runtime 'slim' | choose from alpine, distroless, scratch" },
        { "runtime for a language not seeded", "languages=go | runtime=rust=scratch", "not being seeded | add 'rust' to --languages" },
        { "runtime without a choice", "languages=go | runtime=go", "'go' is not LANG=CHOICE | --runtime go=scratch" },
        { "port base zero", "languages=go | port-base=0", "--port-base 0 | between 1 and 65535" },
        { "ports past 65535", "port-base=65535", "ports 65535-65539 | between 1 and 65531" },
        { "unknown mode", "languages=go | mode=fast", "--mode 'fast' | solution, starter or both" },
        { "port base not a number", "languages=go | port-base=80a", "--port-base '80a' is not a port number | between 1 and 65535" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_refused_naming_problem_and_fix_and_nothing_is_written(string @case, string arguments, string expected)
    {
        var output = courses.NewScratchPath(@case.Replace(' ', '-'));
        var settings = Parse(arguments, output);

        var error = await Assert.ThrowsAsync<SeedInputException>(() => CourseSeeding.SeedAsync(settings));

        foreach (var fragment in expected.Split(" | "))
        {
            Assert.True(
                error.Message.Contains(fragment, StringComparison.Ordinal),
                $"Case '{@case}' ({arguments}): expected the message to contain \"{fragment}\"; it was:\n{error.Message}\n" +
                "Look at tools/Multistage/Seeding/SeedPlanner.cs.");
        }

        Assert.False(Directory.Exists(output), $"Case '{@case}': seed refused the input but created {output}.");
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var output = courses.NewScratchPath("many-problems");
        var settings = Parse("languages=go,cobol | runtime=go=slim | port-base=0 | mode=fast", output);

        var error = await Assert.ThrowsAsync<SeedInputException>(() => CourseSeeding.SeedAsync(settings));

        Assert.True(error.Problems.Count == 4, $"Expected 4 problems (language, runtime, port, mode), got {error.Problems.Count}:\n{error.Message}");
    }

    [Fact]
    public async Task Non_empty_output_folder_is_refused_without_force_and_left_untouched()
    {
        var output = courses.NewScratchPath("non-empty");
        Directory.CreateDirectory(output);
        var userFile = Path.Combine(output, "notes.txt");
        File.WriteAllText(userFile, "mine\n");

        var error = await Assert.ThrowsAsync<SeedInputException>(() => CourseSeeding.SeedAsync(Parse("languages=go", output)));

        Assert.Contains("is not empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], CourseSeeding.Files(output));
        Assert.Equal("mine\n", File.ReadAllText(userFile));
    }

    [Fact]
    public async Task Force_overwrites_generated_files_and_keeps_the_users_own()
    {
        var output = courses.NewScratchPath("force");
        await CourseSeeding.SeedAsync(Parse("languages=go", output));
        var pristine = CourseSeeding.Files(output).ToDictionary(f => f, f => File.ReadAllText(Path.Combine(output, f)));

        // A learner's own file, and edits to one course-level and one sample file.
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine\n");
        File.WriteAllText(Path.Combine(output, "README.md"), "edited\n");
        File.WriteAllText(Path.Combine(output, "go", "main.go"), "edited\n");

        await CourseSeeding.SeedAsync(Parse("languages=go | force=true", output));

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
        var templates = Infrastructure.RepositoryData.TemplatesDirectory;
        foreach (var (output, expected) in new[]
                 {
                     (Path.Combine(templates, "go"), "is inside the template folders"),
                     (templates, "is inside the template folders"),
                     (Infrastructure.RepositoryData.Root, "holds the template folders"),
                 })
        {
            var settings = Parse("languages=go | force=true", output);
            var error = await Assert.ThrowsAsync<SeedInputException>(() => CourseSeeding.SeedAsync(settings));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Force_with_another_mode_leaves_no_sample_of_the_old_course()
    {
        var output = courses.NewScratchPath("force-mode");
        await CourseSeeding.SeedAsync(Parse("languages=go,rust", output));
        Directory.CreateDirectory(Path.Combine(output, ".github", "workflows"));
        File.WriteAllText(Path.Combine(output, ".github", "workflows", "mine.yml"), "mine\n");

        await CourseSeeding.SeedAsync(Parse("languages=go | mode=starter | force=true", output));

        var files = CourseSeeding.Files(output);
        Assert.DoesNotContain("go/Dockerfile", files);
        Assert.DoesNotContain(files, f => f.StartsWith("rust/", StringComparison.Ordinal));
        Assert.Contains("go/Dockerfile.single", files);
        Assert.Contains(".github/workflows/mine.yml", files);
        var fresh = courses.NewScratchPath("force-mode-fresh");
        await CourseSeeding.SeedAsync(Parse("languages=go | mode=starter", fresh));
        Assert.Equal(CourseSeeding.Files(fresh).Append(".github/workflows/mine.yml").Order(StringComparer.Ordinal), files);
    }

    /// <summary>"name=value | name=value" into settings; a readable table beats one settings object per row.</summary>
    private static SeedSettings Parse(string arguments, string output)
    {
        var pairs = arguments.Split(" | ").Select(p => p.Split('=', 2)).ToList();
        string? Value(string name) => pairs.Where(p => p[0] == name).Select(p => p[1]).FirstOrDefault();
        return new SeedSettings
        {
            Out = output,
            Languages = Value("languages"),
            Runtimes = pairs.Where(p => p[0] == "runtime").Select(p => p[1]).ToArray(),
            Mode = Value("mode") ?? "solution",
            PortBase = Value("port-base") ?? "8080",
            Force = Value("force") == "true",
        };
    }
}
