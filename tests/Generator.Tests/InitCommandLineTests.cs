using Multistage.Tests.Shared;

namespace Generator.Tests;

/// <summary>`multistage init` on a copy of a project, in-process: what it refuses (exit 2, one line naming
/// the flag), what --force does, and what it writes. --dry-run runs as a process inside the folder, so its
/// lines show the folder as the user typed it (".").</summary>
public sealed class InitCommandLineTests : IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("init-cli");

    public static TheoryData<string> ImageLayouts() => new(InitLayouts.All.Where(l => l.ImageTest).Select(l => l.Folder));

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Dry_run_in_a_folder_without_a_project_exits_2_with_one_line_and_writes_nothing()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_work.Path, "empty")).FullName;
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a project\n");

        var result = await InitAsync(folder, "--dry-run");

        Assert.True(result.ExitCode == 2, $"Expected exit 2 (bad input):\n{result.Describe()}");
        Assert.Equal(
            [
                $"error: No project found in {folder} (looked for dotnet: a .csproj, a .sln/.slnx with its projects, or projects under src/; go: go.mod or go.work; " +
                "node: package.json; python: requirements.txt or pyproject.toml; rust: Cargo.toml): run init in the project's folder, " +
                "or pass --language LANG (dotnet, go, node, python, rust) and its options with --set.",
                "Nothing was written.",
            ],
            Lines(result.Errors));
        Assert.Equal(["notes.txt"], FileTree.RelativeFiles(folder));
    }

    [Fact]
    public async Task An_existing_Dockerfile_is_replaced_only_with_force()
    {
        var folder = Copy("go-root-main");
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), "FROM mine\n");

        var refused = await InitAsync(folder);

        Assert.True(refused.ExitCode == 2, $"Expected exit 2 without --force:\n{refused.Describe()}");
        Assert.Equal(
            [$"error: {folder} already has Dockerfile: pass --force to replace it (no other file is touched), or move it away.", "Nothing was written."],
            Lines(refused.Errors));
        Assert.Equal("FROM mine\n", File.ReadAllText(Path.Combine(folder, "Dockerfile")));
        Assert.Equal(["Dockerfile", "go.mod", "main.go"], FileTree.RelativeFiles(folder));

        var forced = await InitAsync(folder, "--force");

        Assert.True(forced.ExitCode == 0, $"Expected exit 0 with --force:\n{forced.Describe()}");
        Assert.StartsWith("# Multi-stage build of hello", File.ReadAllText(Path.Combine(folder, "Dockerfile")), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(InitLayouts.Directory(TestRepository.Root), "go-root-main", "main.go")), File.ReadAllText(Path.Combine(folder, "main.go")));
    }

    [Fact]
    public async Task Dry_run_prints_what_it_found_and_the_dotnet_new_line_and_writes_nothing()
    {
        var folder = Copy("go-cmd-layout");
        var before = FileTree.RelativeFiles(folder);

        var result = await MultistageCli.RunAsync(folder, ["init", "--dry-run", "--runtime", "scratch"]);

        Assert.True(result.ExitCode == 0, $"Expected exit 0:\n{result.Describe()}");
        var lines = Lines(result.StandardOutput);
        foreach (var expected in new[]
                 {
                     "Found a go project in .: go.mod",
                     "Will write to .: .dockerignore, Dockerfile, Dockerfile.single, README.Docker.md, compose.yaml",
                     "The same with dotnet new, in .: dotnet new multistage-go-dockerfiles -n inventory --main ./cmd/inventory-api --binary inventory-api --runtime scratch --port 8080 --port-variable PORT --tini false",
                     "Dry run: nothing was written.",
                 })
        {
            Assert.True(lines.Contains(expected), $"Expected the line \"{expected}\" in init's output:\n{result.Describe()}");
        }

        Assert.Contains(lines, l => l.Contains("│ main ", StringComparison.Ordinal) && l.Contains("./cmd/inventory-api", StringComparison.Ordinal) && l.Contains("package main in cmd/inventory-api/", StringComparison.Ordinal));
        Assert.Equal(before, FileTree.RelativeFiles(folder));
    }

    [Fact]
    public async Task A_folder_with_two_languages_is_refused_naming_the_language_flag()
    {
        var folder = Copy("go-root-main");
        File.WriteAllText(Path.Combine(folder, "package.json"), "{ \"name\": \"tools\", \"private\": true }\n");

        var result = await InitAsync(folder, "--dry-run");

        Assert.True(result.ExitCode == 2, $"Expected exit 2:\n{result.Describe()}");
        Assert.Equal(
            [$"error: {folder} holds a go project (go.mod) and a node project (package.json): pass --language go or --language node to say which one to containerise.", "Nothing was written."],
            Lines(result.Errors));

        var chosen = await InitAsync(folder, "--dry-run", "--language", "go");
        Assert.True(chosen.ExitCode == 0, $"Expected exit 0 with --language go:\n{chosen.Describe()}");
    }

    [Fact]
    public async Task Several_main_packages_are_refused_until_set_picks_one()
    {
        var folder = Copy("go-two-commands");

        var refused = await InitAsync(folder);

        Assert.True(refused.ExitCode == 2, $"Expected exit 2:\n{refused.Describe()}");
        Assert.Equal(["error: Go: several main packages (./cmd/api, ./cmd/worker): pass --set main=./cmd/api.", "Nothing was written."], Lines(refused.Errors));

        var chosen = await InitAsync(folder, "--set", "main=./cmd/worker", "--set", "binary=worker");

        Assert.True(chosen.ExitCode == 0, $"Expected exit 0 with --set main=./cmd/worker:\n{chosen.Describe()}");
        Assert.Contains("-o /out/worker ./cmd/worker", File.ReadAllText(Path.Combine(folder, "Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_with_an_unknown_option_or_a_bad_choice_exits_2_naming_the_choices()
    {
        var folder = Copy("rust-bin-renamed");

        var result = await InitAsync(folder, "--set", "bin=ledger", "--runtime", "slim", "--set", "rust-version=1.80");

        Assert.True(result.ExitCode == 2, $"Expected exit 2:\n{result.Describe()}");
        Assert.Equal(
            [
                "error: --set bin=ledger: multistage-rust-dockerfiles has no option 'bin': choose from binary, member, runtime, rust-version, port, port-variable, health-path, tini, writable, assets, app-dir.",
                "error: --set rust-version=1.80: multistage-rust-dockerfiles offers no rust-version '1.80': pass --set rust-version=CHOICE with one of 1.95, 1.96, 1.97.",
                "error: --runtime slim: multistage-rust-dockerfiles offers no runtime 'slim': pass --runtime CHOICE with one of scratch, alpine, distroless.",
                "Nothing was written.",
            ],
            Lines(result.Errors));
    }

    [Fact]
    public async Task Templates_without_an_item_template_are_bad_input_naming_the_missing_file()
    {
        var templates = Path.Combine(_work.Path, "templates");
        FileTree.Replace(Path.Combine(TestRepository.TemplatesDirectory, "go"), Path.Combine(templates, "go"));
        Directory.Delete(Path.Combine(templates, "go", ".dockerfiles"), recursive: true);
        var folder = Copy("go-root-main");

        var result = await InitAsync(folder, "--dry-run", "--templates", templates);

        Assert.True(result.ExitCode == 2, $"Expected exit 2:\n{result.Describe()}");
        Assert.Equal(
            [
                $"error: {Path.Combine(templates, "go", ".dockerfiles", ".template.config", "template.json")} is missing: " +
                "every language needs an item template in .dockerfiles/ for `multistage init` (CONTRIBUTING.md).",
                "Nothing was written.",
            ],
            Lines(result.Errors));
    }

    [Fact]
    public async Task A_folder_inside_the_template_folders_is_refused_even_with_force()
    {
        var templates = Path.Combine(_work.Path, "own-templates");
        FileTree.Replace(Path.Combine(TestRepository.TemplatesDirectory, "go"), Path.Combine(templates, "go"));
        var before = File.ReadAllText(Path.Combine(templates, "go", "Dockerfile"));

        var result = await InitAsync(Path.Combine(templates, "go"), "--force", "--templates", templates);

        Assert.True(result.ExitCode == 2, $"Expected exit 2:\n{result.Describe()}");
        Assert.Equal(
            [$"error: {Path.Combine(templates, "go")} is inside the template folders in use ({templates}): init writes into your own project; run it in that project's folder.", "Nothing was written."],
            Lines(result.Errors));
        Assert.Equal(before, File.ReadAllText(Path.Combine(templates, "go", "Dockerfile")));
    }

    /// <summary>What init writes into each image-tested layout, reviewed in Snapshots/init-&lt;layout&gt;.verified/.</summary>
    [Theory]
    [MemberData(nameof(ImageLayouts))]
    public async Task Init_writes_the_verified_Docker_files(string layout)
    {
        var folder = Copy(layout);
        var before = FileTree.RelativeFiles(folder);

        var result = await InitAsync(folder);

        // A layout with warnings (a loopback bind) is written all the same, and init exits 4 (Incomplete) naming each change.
        var expected = InitLayouts.Get(layout).Warnings.Count > 0 ? 4 : 0;
        Assert.True(result.ExitCode == expected, $"Expected exit {expected}:\n{result.Describe()}");
        foreach (var warning in InitLayouts.Get(layout).Warnings)
        {
            Assert.Contains(warning, result.Output + result.Errors, StringComparison.Ordinal);
        }

        var written = Path.Combine(_work.Path, "written", layout);
        foreach (var file in FileTree.RelativeFiles(folder).Except(before))
        {
            var target = Path.Combine(written, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(folder, file), target);
        }

        Assert.Equal(before, FileTree.RelativeFiles(folder));
        DirectorySnapshot.Verify(written, GeneratorSnapshots.Directory, SnapshotName(layout), SnapshotSettings.FromEnvironment());
    }

    public static string SnapshotName(string layout) => $"init-{layout}";

    private string Copy(string layout) =>
        InitLayouts.CopyTo(TestRepository.Root, layout, Path.Combine(_work.Path, layout));

    /// <summary>`multistage init FOLDER OPTIONS...` in-process; the folder is named, as the tests cannot change
    /// the current folder, so messages show it instead of ".".</summary>
    private static Task<CliRun> InitAsync(string folder, params string[] options) => InProcessCli.RunAsync(["init", folder, .. options]);

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
