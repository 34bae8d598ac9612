using System.Text.Json;
using Multistage.Core.Docker;
using Multistage.Core.Processes;
using Multistage.Core.Templates;
using Multistage.Tests.Shared;

namespace Images.Tests.Course;

/// <summary>
/// The commands a seeded course tells its learners to run, run for real: `docker compose up --build`
/// on all five samples, and the GitHub workflow's `run:` steps for one matrix entry. On an engine
/// without a bridge network (CI) both use the host's network (see <see cref="ComposeTestOverride"/>
/// and Course/host-network-docker.sh); elsewhere they run as written, compose with images named for the test.
/// </summary>
[Collection(VariantsCollection.Name)]
[Trait("Category", "Images")]
public sealed class CourseCommandTests(ImageFixture fixture, ITestOutputHelper output) : NeedsDocker
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(25);

    [Fact]
    public async Task Compose_up_build_starts_every_sample_healthy_and_down_leaves_nothing()
    {
        var catalog = TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(fixture.RepositoryRoot));
        using var course = await SeededCourseFolder.SeedAsync("compose", catalog.Count);
        var project = $"multistage-course-{fixture.RunId}";
        var environment = await PackageIndexEnvironmentAsync(catalog);
        var ports = await ServicePortsAsync(course.Directory, environment);
        Assert.True(ports.Count == catalog.Count, $"compose.yaml has services {string.Join(", ", ports.Keys)}; expected one per template ({catalog.Count}).");
        var files = ComposeTestOverride.FileArguments(course.Directory, project, ports.Keys.ToList(), await fixture.NetworkAsync());
        Task<ProcessResult> Compose(string[] arguments, TimeSpan? timeout = null) =>
            fixture.Docker.RunAsync(["compose", "-p", project, .. files, .. arguments], timeout, workingDirectory: course.Directory, environment: environment);
        try
        {
            var up = await Compose(["up", "--build", "--detach", "--wait", "--wait-timeout", "600"], UpTimeout);
            Assert.True(up.Succeeded, $"`docker compose up --build` failed in {course.Directory}:\n{up.Describe()}");

            var problems = new List<string>();
            foreach (var (service, port) in ports)
            {
                var id = (await Compose(["ps", "--quiet", service])).StandardOutput.Trim();
                var state = await fixture.Containers.StateAsync(id, cancellationToken: TestContext.Current.CancellationToken);
                var root = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);
                var healthz = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);
                output.WriteLine($"{service} (port {port}): {state.Health}; GET / -> {root}; GET /healthz -> {healthz}");
                if (state.Health != "healthy" || root.Status != 200 || healthz is not { Status: 200, Body: "ok" })
                {
                    problems.Add($"{service}: health {state.Health ?? "(no HEALTHCHECK)"}, / gave {root}, /healthz gave {healthz}\n" +
                                 $"{await fixture.Containers.LogsAsync(id, cancellationToken: TestContext.Current.CancellationToken)}");
                }
            }

            Assert.True(problems.Count == 0, $"After `docker compose up --build --wait`:\n{string.Join("\n", problems)}");

            var down = await Compose(["down"]);
            Assert.True(down.Succeeded, $"`docker compose down` failed:\n{down.Describe()}");
            var left = await LeftBehindAsync(project);
            Assert.True(left.Count == 0, $"`docker compose down` left {string.Join(", ", left)} behind (project {project}).");
        }
        finally
        {
            // The built images are meant to stay for the learner; the test's are removed.
            await Compose(["down", "--volumes", "--remove-orphans", "--rmi", "all"]);
        }
    }

    [Fact]
    public async Task Workflow_run_steps_pass_for_the_go_matrix_entry()
    {
        using var course = await SeededCourseFolder.SeedAsync("workflow", TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(fixture.RepositoryRoot)).Count);
        var workflow = GithubWorkflow.Load(Path.Combine(course.Directory, ".github", "workflows", "images.yml"));
        // The workflow's own tag (course-go:multi) is the name compare keeps for its image too: a test-own tag,
        // so that this test's clean-up never removes an image another test is measuring.
        var entry = new Dictionary<string, string>(workflow.MatrixEntries.Single(e => e["name"] == "go"))
        {
            ["tag"] = $"multistage-workflow-{fixture.RunId}-go:multi",
        };
        var summary = Path.Combine(course.Work, "step-summary.md");
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{await DockerOnPathAsync(course.Work)}:{Environment.GetEnvironmentVariable("PATH")}",
            ["GITHUB_STEP_SUMMARY"] = summary,
        };
        try
        {
            await RunStepsAsync(workflow.RunSteps(entry), "go", course.Directory, course.Work, environment);

            var row = File.Exists(summary) ? (await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken)).Trim() : "";
            Assert.Matches(@"^\| go \| \d+ MB \|$", row);
        }
        finally
        {
            await fixture.Docker.RunAsync(["rm", "--force", "probe"], cancellationToken: TestContext.Current.CancellationToken);
            await fixture.Docker.RunAsync(["image", "rm", "--force", entry["tag"]], cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// grade.yml as a learner's push runs it: on a course seeded with exercises, the Go exercise solved
    /// (the solution's Dockerfile copied in), its run steps for the go matrix entry install the tool from
    /// the packed package (MULTISTAGE_FEED, the repository variable, naming the packed folder) and grade it.
    /// </summary>
    [Fact]
    public async Task Grade_workflow_run_steps_install_the_packed_tool_and_pass_a_solved_exercise()
    {
        using var course = await SeededCourseFolder.SeedAsync("grade", 1, "--mode", "both", "--languages", "go");
        var workflow = GithubWorkflow.Load(Path.Combine(course.Directory, ".github", "workflows", "grade.yml"));
        var entry = workflow.MatrixEntries.Single(e => e["language"] == "go");
        File.Copy(Path.Combine(course.Directory, "solution", "go", "Dockerfile"), Path.Combine(course.Directory, entry["folder"], "Dockerfile"));
        var feed = Path.GetDirectoryName(await ProjectPackage.PackAsync(fixture.RepositoryRoot, Path.Combine("tools", "Multistage", "Multistage.csproj"), Path.Combine(course.Work, "feed")))!;
        // A home of its own: `dotnet tool install --global` writes to ~/.dotnet/tools, which
        // actions/setup-dotnet puts on the runner's PATH; a private package cache so NuGet takes the
        // package just packed, not an older build of the same version.
        var home = Path.Combine(course.Work, "home");
        var environment = new Dictionary<string, string?>(DotnetEnvironment.Quiet)
        {
            ["PATH"] = $"{Path.Combine(home, ".dotnet", "tools")}:{await DockerOnPathAsync(course.Work)}:{Environment.GetEnvironmentVariable("PATH")}",
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = Path.Combine(course.Work, "nuget-packages"),
        };

        await RunStepsAsync(workflow.RunSteps(entry, new Dictionary<string, string> { ["MULTISTAGE_FEED"] = feed }), "go", course.Directory, course.Work, environment);

        var grade = Path.Combine(course.Directory, "grade-go.json");
        Assert.True(File.Exists(grade), $"The Grade step wrote no {grade}, which the workflow uploads.");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(grade, TestContext.Current.CancellationToken));
        Assert.Equal("go", json.RootElement.GetProperty("language").GetString());
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean(), $"grade-go.json says the solved exercise failed:\n{json.RootElement}");
    }

    /// <summary>Runs a workflow's `run:` steps one after another as GitHub's runner does (bash -eo pipefail,
    /// the step's env over the job's), failing on the first that fails.</summary>
    private async Task RunStepsAsync(IReadOnlyList<WorkflowRunStep> steps, string matrixName, string directory, string work, IReadOnlyDictionary<string, string?> environment)
    {
        foreach (var step in steps)
        {
            var file = Path.Combine(work, "step.sh");
            await File.WriteAllTextAsync(file, step.Script);
            var stepEnvironment = new Dictionary<string, string?>(environment);
            foreach (var (key, value) in step.Environment)
            {
                stepEnvironment[key] = value;
            }

            // GitHub's default shell for `run:` on Linux.
            var result = await ProcessRunner.RunAsync(new ProcessSpec("bash", ["--noprofile", "--norc", "-eo", "pipefail", file])
            {
                WorkingDirectory = directory,
                Environment = stepEnvironment,
                Timeout = TimeSpan.FromMinutes(10),
            });
            output.WriteLine($"step \"{step.Name}\": exit {result.ExitCode}\n{result.StandardOutput.Trim()}");
            Assert.True(result.Succeeded, $"Workflow step \"{step.Name}\" for matrix entry {matrixName} failed:\n{step.Script}\n{result.Describe()}");
        }
    }

    /// <summary>Each template's private-index variable, where the tests serve that index (Python's wheelhouse).</summary>
    private async Task<Dictionary<string, string?>> PackageIndexEnvironmentAsync(IReadOnlyList<TemplateMetadata> catalog)
    {
        var environment = new Dictionary<string, string?> { ["COMPOSE_FILE"] = null, ["COMPOSE_PROJECT_NAME"] = null };
        foreach (var template in catalog)
        {
            foreach (var (name, value) in await fixture.Indexes.BuildArgumentsAsync(template.PackageIndexBuildArg))
            {
                environment[name] = value;
            }
        }

        return environment;
    }

    /// <summary>Each service's PORT, as `docker compose config` resolves the course's file.</summary>
    private async Task<IReadOnlyDictionary<string, int>> ServicePortsAsync(string directory, IReadOnlyDictionary<string, string?> environment)
    {
        var config = await fixture.Docker.RunAsync(["compose", "-f", "compose.yaml", "config", "--format", "json"],
            workingDirectory: directory, environment: environment);
        Assert.True(config.Succeeded, config.Describe());
        using var json = JsonDocument.Parse(config.StandardOutput);
        return json.RootElement.GetProperty("services").EnumerateObject().ToDictionary(
            s => s.Name, s => int.Parse(s.Value.GetProperty("environment").GetProperty("PORT").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Containers, networks and volumes that still carry the project's compose label.</summary>
    private async Task<IReadOnlyList<string>> LeftBehindAsync(string project)
    {
        var left = new List<string>();
        foreach (var kind in new[] { "container", "network", "volume" })
        {
            var listed = await fixture.Docker.RunCheckedAsync($"Listing {kind}s",
                [kind, "ls", .. kind == "container" ? new[] { "--all" } : [], "--quiet", "--filter", $"label=com.docker.compose.project={project}"]);
            left.AddRange(listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(id => $"{kind} {id.Trim()}"));
        }

        return left;
    }

    /// <summary>A folder whose `docker` is the tests' client: as it is on a bridge network, through
    /// host-network-docker.sh on an engine without one.</summary>
    private async Task<string> DockerOnPathAsync(string work)
    {
        var bin = Path.Combine(work, "bin");
        Directory.CreateDirectory(bin);
        var target = await fixture.NetworkAsync() == NetworkMode.Host
            ? Path.Combine(AppContext.BaseDirectory, "Course", "host-network-docker.sh")
            : ResolveOnPath(fixture.Docker.Location.Binary);
        // A copy into the build output need not keep the script's exec bit.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.UserExecute);
        }
        File.CreateSymbolicLink(Path.Combine(bin, "docker"), target);
        return bin;
    }

    private static string ResolveOnPath(string binary) =>
        ProcessRunner.FindOnPath(binary)
              ?? throw new InvalidOperationException($"{binary} is not on PATH; set MULTISTAGE_DOCKER to the docker client.");
}
