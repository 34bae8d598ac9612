using System.Text.Json;
using Multistage.Core.Docker;
using Multistage.Core.Processes;
using Multistage.Core.Templates;
using Xunit.Abstractions;

namespace Images.Tests.Course;

/// <summary>
/// The commands a seeded course tells its learners to run, run for real: `docker compose up --build`
/// on all five samples, and the GitHub workflow's `run:` steps for one matrix entry. On an engine
/// without a bridge network (CI) both use the host's network (see <see cref="ComposeHostNetwork"/>
/// and Course/host-network-docker.sh); elsewhere they run exactly as written.
/// </summary>
[Collection(ImagesCollection.Name)]
[Trait("Category", "Images")]
public sealed class CourseCommandTests(ImageFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(25);

    [ImagesFact]
    public async Task Compose_up_build_starts_every_sample_healthy_and_down_leaves_nothing()
    {
        var catalog = TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(fixture.RepositoryRoot));
        using var course = await SeededCourseFolder.SeedAsync("compose", catalog.Count);
        var project = $"multistage-course-{fixture.RunId}";
        var environment = await PackageIndexEnvironmentAsync(catalog);
        var ports = await ServicePortsAsync(course.Directory, environment);
        Assert.True(ports.Count == catalog.Count, $"compose.yaml has services {string.Join(", ", ports.Keys)}; expected one per template ({catalog.Count}).");
        var files = ComposeHostNetwork.FileArguments(course.Directory, ports.Keys.ToList(), await fixture.NetworkAsync());
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
                var state = await fixture.Containers.StateAsync(id);
                var root = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(10));
                var healthz = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(10));
                output.WriteLine($"{service} (port {port}): {state.Health}; GET / -> {root}; GET /healthz -> {healthz}");
                if (state.Health != "healthy" || root.Status != 200 || healthz is not { Status: 200, Body: "ok" })
                {
                    problems.Add($"{service}: health {state.Health ?? "(no HEALTHCHECK)"}, / gave {root}, /healthz gave {healthz}\n" +
                                 $"{await fixture.Containers.LogsAsync(id)}");
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

    [ImagesFact]
    public async Task Workflow_run_steps_pass_for_the_go_matrix_entry()
    {
        using var course = await SeededCourseFolder.SeedAsync("workflow", TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(fixture.RepositoryRoot)).Count);
        var workflow = GithubWorkflow.Load(Path.Combine(course.Directory, ".github", "workflows", "images.yml"));
        var entry = workflow.MatrixEntries.Single(e => e["name"] == "go");
        var summary = Path.Combine(course.Work, "step-summary.md");
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{await DockerOnPathAsync(course.Work)}:{Environment.GetEnvironmentVariable("PATH")}",
            ["GITHUB_STEP_SUMMARY"] = summary,
        };
        try
        {
            foreach (var (name, script) in workflow.RunSteps(entry))
            {
                var file = Path.Combine(course.Work, "step.sh");
                await File.WriteAllTextAsync(file, script);
                // GitHub's default shell for `run:` on Linux.
                var step = await ProcessRunner.RunAsync(new ProcessSpec("bash", ["--noprofile", "--norc", "-eo", "pipefail", file])
                {
                    WorkingDirectory = course.Directory,
                    Environment = environment,
                    Timeout = TimeSpan.FromMinutes(10),
                });
                output.WriteLine($"step \"{name}\": exit {step.ExitCode}\n{step.StandardOutput.Trim()}");
                Assert.True(step.Succeeded, $"Workflow step \"{name}\" for matrix entry go failed:\n{script}\n{step.Describe()}");
            }

            var row = File.Exists(summary) ? (await File.ReadAllTextAsync(summary)).Trim() : "";
            Assert.Matches(@"^\| go \| \d+ MB \|$", row);
        }
        finally
        {
            await fixture.Docker.RunAsync(["rm", "--force", "probe"]);
            await fixture.Docker.RunAsync(["image", "rm", "--force", entry["tag"]]);
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
