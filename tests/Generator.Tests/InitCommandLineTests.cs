using Multistage.Tests.Shared;

namespace Generator.Tests;

/// <summary>`multistage init` on a copy of a project, in-process: what it refuses (exit 2, one line naming
/// the flag), what --force does, and what it writes. --dry-run runs as a process inside the folder, so its
/// lines show the folder as the user typed it (".").</summary>
public sealed class InitCommandLineTests : IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("init-cli");

    public static TheoryData<string> Layouts() => new(InitLayouts.All.Select(l => l.Folder));

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
                "node: package.json; python: requirements.txt, requirements/*.txt or pyproject.toml; rust: Cargo.toml): run init in the project's folder, " +
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
            [$"error: {folder} already has Dockerfile, unlike what init writes (--dry-run shows the difference): pass --force to replace it, --skip-existing to keep it and write the rest, or move it away.", "Nothing was written."],
            Lines(refused.Errors));
        Assert.Equal("FROM mine\n", File.ReadAllText(Path.Combine(folder, "Dockerfile")));
        Assert.Equal(["Dockerfile", "go.mod", "main.go"], FileTree.RelativeFiles(folder));

        var forced = await InitAsync(folder, "--force");

        Assert.True(forced.ExitCode == 0, $"Expected exit 0 with --force:\n{forced.Describe()}");
        Assert.StartsWith("# Multi-stage build of hello", File.ReadAllText(Path.Combine(folder, "Dockerfile")), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(InitLayouts.Directory(TestRepository.Root), "go-root-main", "main.go")), File.ReadAllText(Path.Combine(folder, "main.go")));
    }

    [Fact]
    public async Task Dry_run_shows_how_an_existing_Dockerfile_would_change_and_writes_nothing()
    {
        var folder = Copy("go-existing-dockerfile");
        var before = Contents(folder);

        var result = await InitAsync(folder, "--dry-run");

        Assert.True(result.ExitCode == 0, $"Expected exit 0:\n{result.Describe()}");
        var lines = Lines(result.Output);
        Assert.Contains("Dockerfile: exists and differs: --force would replace it, --skip-existing keep it", lines);
        Assert.Contains(".dockerignore: new", lines);
        // The user's lines that would go, and one that would come, as a unified diff.
        Assert.Contains("-FROM golang:1.27", lines);
        Assert.Contains("-CMD [\"clock\"]", lines);
        Assert.Contains(lines, l => l.StartsWith("+FROM ", StringComparison.Ordinal) && l.EndsWith(" AS build", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("@@ -1,5 +1,", StringComparison.Ordinal));
        Assert.Equal(before, Contents(folder));
    }

    [Fact]
    public async Task Skip_existing_keeps_the_users_Dockerfile_and_writes_the_rest()
    {
        var folder = Copy("go-existing-dockerfile");
        var theirs = File.ReadAllText(Path.Combine(folder, "Dockerfile"));

        var result = await InitAsync(folder, "--skip-existing");

        Assert.True(result.ExitCode == 0, $"Expected exit 0:\n{result.Describe()}");
        Assert.Equal(theirs, File.ReadAllText(Path.Combine(folder, "Dockerfile")));
        Assert.Contains("Dockerfile: kept as it is (--skip-existing)", Lines(result.Output));
        Assert.Equal([".dockerignore", "Dockerfile", "Dockerfile.single", "README.Docker.md", "compose.yaml", "go.mod", "main.go"], FileTree.RelativeFiles(folder));
    }

    [Fact]
    public async Task Init_again_on_its_own_files_needs_no_force_and_writes_nothing()
    {
        var folder = Copy("go-root-main");
        var first = await InitAsync(folder);
        Assert.True(first.ExitCode == 0, $"The first init failed:\n{first.Describe()}");
        var written = Contents(folder);

        var again = await InitAsync(folder);

        Assert.True(again.ExitCode == 0, $"Expected exit 0: identical files are no conflict:\n{again.Describe()}");
        Assert.Contains("Dockerfile: unchanged: the same as init writes", Lines(again.Output));
        Assert.Contains($"Wrote nothing to {folder}: every file is there already.", Lines(again.Output));
        Assert.Equal(written, Contents(folder));
    }

    [Fact]
    public async Task A_users_docker_compose_file_is_left_alone_and_init_writes_its_own_beside_it()
    {
        var folder = Copy("go-compose-db");
        var theirs = File.ReadAllText(Path.Combine(folder, "docker-compose.yml"));

        var result = await InitAsync(folder);

        Assert.True(result.ExitCode == 0, $"Expected exit 0:\n{result.Describe()}");
        Assert.Equal(theirs, File.ReadAllText(Path.Combine(folder, "docker-compose.yml")));
        // No compose.yaml: Compose would read it first and silently stop reading theirs.
        Assert.False(File.Exists(Path.Combine(folder, "compose.yaml")), "init wrote compose.yaml beside the user's docker-compose.yml");
        var ours = File.ReadAllText(Path.Combine(folder, "compose.multistage.yaml"));
        Assert.Contains("docker compose -f docker-compose.yml -f compose.multistage.yaml up --build", ours, StringComparison.Ordinal);
        Assert.Contains("`docker compose -f compose.multistage.yaml up --build`", File.ReadAllText(Path.Combine(folder, "README.Docker.md")), StringComparison.Ordinal);
        Assert.Contains("your docker-compose.yml stays as it is", result.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_with_dry_run_is_refused_and_writes_nothing()
    {
        var folder = Copy("go-root-main");

        var result = await InitAsync(folder, "--verify", "--dry-run");

        Assert.True(result.ExitCode == 2, $"Expected exit 2 (bad input):\n{result.Describe()}");
        Assert.Equal(["error: --verify builds the files init writes, and --dry-run writes none: pass one of them.", "Nothing was written."], Lines(result.Errors));
        Assert.Equal(["go.mod", "main.go"], FileTree.RelativeFiles(folder));
    }

    [Fact]
    public async Task Verify_without_a_daemon_exits_3_before_writing_anything()
    {
        var folder = Copy("go-root-main");

        var result = await InitAsync(folder, "--verify");

        Assert.True(result.ExitCode == 3, $"Expected exit 3 (no daemon):\n{result.Describe()}");
        Assert.Contains(InProcessCli.NoDaemon.Host!, result.Errors, StringComparison.Ordinal);
        Assert.Contains("Nothing was written: start Docker, or run init without --verify.", result.Output, StringComparison.Ordinal);
        Assert.Equal(["go.mod", "main.go"], FileTree.RelativeFiles(folder));
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
                     "Would write to .:",
                     "Dockerfile: new",
                     "compose.yaml: new",
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
    public async Task Dry_run_names_the_framework_it_found_not_the_templates_sample()
    {
        var folder = Copy("python-fastapi");

        var result = await InitAsync(folder, "--dry-run");

        Assert.True(result.ExitCode == 0, $"Expected exit 0:\n{result.Describe()}");
        Assert.Contains(Lines(result.Output), l => l.StartsWith("Found Python (FastAPI, ASGI) in ", StringComparison.Ordinal) && l.EndsWith(": requirements.txt", StringComparison.Ordinal));
        Assert.DoesNotContain("Flask", result.Output, StringComparison.Ordinal);
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
        Assert.Equal(["error: Go: several main packages (./cmd/api, ./cmd/worker): pass `--set main=./cmd/api`.", "Nothing was written."], Lines(refused.Errors));

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
                "error: --set bin=ledger: multistage-rust-dockerfiles has no option 'bin': choose from binary, member, runtime, rust-version, port, port-variable, health-path, probe, tini, writable, assets, app-dir.",
                "error: --set rust-version=1.80: multistage-rust-dockerfiles offers no rust-version '1.80': pass `--set rust-version=CHOICE` with one of 1.97.",
                "error: --runtime slim: multistage-rust-dockerfiles offers no runtime 'slim': pass `--runtime CHOICE` with one of scratch, alpine, distroless.",
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
                $"error: {Path.Combine(templates, "go", ".dockerfiles", "Dockerfile")} is missing: " +
                "every template's item template (.dockerfiles/) carries Dockerfile and Dockerfile.single. (templates: the folder given by --templates (" + templates + "))",
                "Nothing was written.",
            ],
            Lines(result.Errors));
    }

    [Fact]
    public async Task A_folder_inside_the_template_folders_is_refused_even_with_force()
    {
        var templates = Path.Combine(_work.Path, "own-templates");
        FileTree.Replace(Path.Combine(TestRepository.TemplatesDirectory, "go"), Path.Combine(templates, "go"));

        var result = await InitAsync(Path.Combine(templates, "go"), "--force", "--templates", templates);

        Assert.True(result.ExitCode == 2, $"Expected exit 2:\n{result.Describe()}");
        Assert.Equal(
            [$"error: {Path.Combine(templates, "go")} is inside the template folders in use ({templates}): init writes into your own project; run it in that project's folder.", "Nothing was written."],
            Lines(result.Errors));
        // The sample takes its Docker files from .dockerfiles/ when generated: none may appear beside it.
        Assert.False(File.Exists(Path.Combine(templates, "go", "Dockerfile")), "init wrote into the template folder");
    }

    [Fact]
    public async Task A_pnpm_workspace_member_builds_after_the_workspace_packages_it_uses()
    {
        // plabonislam/growth-tracker: `pnpm --filter "./backend..." run build` built backend alone (a path
        // takes the dots as part of it), and tsc failed on `import ... from 'shared'`: shared had no dist/.
        var folder = Copy("node-pnpm-workspace-build");
        var result = await InitAsync(folder, []);
        Assert.True(result.ExitCode == 0, result.Describe());
        foreach (var file in new[] { "Dockerfile", "Dockerfile.single" })
        {
            Assert.Contains("RUN pnpm --filter \"{./server}...\" run build", File.ReadAllText(Path.Combine(folder, file)), StringComparison.Ordinal);
        }
    }

    /// <summary>What init writes into each layout, reviewed in Snapshots/init-&lt;layout&gt;.verified/.</summary>
    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Init_writes_the_verified_Docker_files(string layout)
    {
        var folder = Copy(layout);
        var before = FileTree.RelativeFiles(folder);

        var result = await InitAsync(folder, [.. InitLayouts.Get(layout).Options]);

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

    private static Dictionary<string, string> Contents(string folder) =>
        FileTree.RelativeFiles(folder).ToDictionary(f => f, f => File.ReadAllText(Path.Combine(folder, f)));

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
