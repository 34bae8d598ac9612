using Multistage.Core.Docker;
using Multistage.Core.Templates;

namespace Images.Tests.Names;

/// <summary>
/// One template's generated projects, checked without building their images: a project per
/// <see cref="ProjectNames"/> entry and per out-of-range <c>--port</c>, all compiled or parsed by the
/// template's own <c>sourceCheck</c> in its single-stage image (the toolchain the user has), and the
/// <c>--port</c> ones started with <c>sourceRun</c>. It runs as one `docker build` whose product is
/// the results: the generated projects are the same in every run, so BuildKit's layer cache answers
/// an unchanged template at once instead of compiling some 36 projects again (a first compile with an
/// empty Go build cache alone takes minutes on a busy machine).
/// </summary>
public sealed class SourceChecks(ImageFixture fixture, TemplateMetadata template)
{
    /// <summary>Ports dotnet new accepts and the app must report as the template's default.</summary>
    public static IReadOnlyList<string> OutOfRangePorts { get; } = ["70000", "3000000000"];

    // Check every project, and start those marked to run; each result lands in /results/<folder>, the only
    // thing the build outputs. Two lanes, each taking every second project: a compile (dotnet build,
    // cargo build) leaves a core idle much of the time. The first project is checked alone before the
    // lanes start: a toolchain's first run sets up state in HOME (the .NET SDK's NuGet migrations), and two
    // first runs at once race for it ("mkdir ... EEXIST"). A failed check fails the step, so BuildKit never
    // caches a failure (it may be passing next time); the report build (KEEP_FAILURES) exits 0 to output it.
    private const string Script = """
        check() {
          out="/results/$(basename "$1")"
          mkdir -p "$out"
          (
            cd "$1" || exit
            sh -c "$SOURCE_CHECK" > "$out/check.log" 2>&1
            echo $? > "$out/check.status"
            if [ -e .run-me ]; then
              sh -c "$SOURCE_RUN" > "$out/run.log" 2>&1
              echo $? > "$out/run.status"
            fi
          )
        }
        lane() {
          i=0
          for project in /work/*/; do
            if [ "$i" -gt 0 ] && [ $(((i - 1) % 2)) -eq "$1" ]; then
              check "$project"
            fi
            i=$((i + 1))
          done
        }
        for project in /work/*/; do check "$project"; break; done
        lane 0 & lane 1 & wait
        for status in /results/*/check.status; do
          [ "$(cat "$status")" = 0 ] || failed=1
        done
        [ -z "$failed" ] || [ -n "$KEEP_FAILURES" ]
        """;

    // No network in the check (RUN --network=none): a compile must need nothing from outside. The
    // toolchain's first run writes to HOME, so HOME is a folder of its own.
    private const string Dockerfile = """
        ARG IMAGE
        FROM ${IMAGE} AS check
        ENV HOME=/tmp
        COPY . /work/
        ARG SOURCE_CHECK
        ARG SOURCE_RUN
        ARG SCRIPT
        ARG KEEP_FAILURES
        RUN --network=none sh -c "$SCRIPT"

        FROM scratch
        COPY --from=check /results /
        """;

    private readonly Lazy<Task<IReadOnlyDictionary<string, SourceCheckResult>>> results =
        new(() => RunAsync(fixture, template), LazyThreadSafetyMode.ExecutionAndPublication);

    public TemplateMetadata Template => template;

    public static string NameFolder(ProjectName name) => $"name-{name.Label}";

    public static string PortFolder(string port) => $"port-{port}";

    public Task<IReadOnlyDictionary<string, SourceCheckResult>> ResultsAsync() => results.Value;

    private static async Task<IReadOnlyDictionary<string, SourceCheckResult>> RunAsync(ImageFixture fixture, TemplateMetadata template)
    {
        var root = Path.Combine(fixture.WorkDirectory, "source-checks", template.Language);
        var projectsFolder = Path.Combine(root, "projects");
        var hive = await fixture.HiveAsync();
        var projects = ProjectNames.All.Select(name => (Folder: NameFolder(name), Options: (IReadOnlyList<string>)["-n", name.Value]))
            .Concat(OutOfRangePorts.Select(port => (Folder: PortFolder(port), Options: (IReadOnlyList<string>)["-n", VariantImages.AppName, "--port", port])))
            .ToList();
        var results = new Dictionary<string, SourceCheckResult>(StringComparer.Ordinal);
        foreach (var (folder, options) in projects)
        {
            var directory = Path.Combine(projectsFolder, folder);
            var generated = await hive.InstantiateAsync(template.ShortName, directory, options);
            if (!generated.Succeeded)
            {
                results[folder] = new SourceCheckResult(directory, $"dotnet new {string.Join(' ', options)} failed:\n{generated.Describe()}", null, "", null, "");
            }
            else if (folder.StartsWith("port-", StringComparison.Ordinal))
            {
                await File.WriteAllTextAsync(Path.Combine(directory, ".run-me"), "");
            }
        }

        var dockerfile = Path.Combine(root, "check.Dockerfile");
        await File.WriteAllTextAsync(dockerfile, Dockerfile);
        var output = Path.Combine(root, "results");
        var build = await CheckBuildAsync(fixture, template, projectsFolder, dockerfile, output, keepFailures: false);
        if (!build.Succeeded)
        {
            // Something failed (or the build itself did): again, reporting every result.
            build = await CheckBuildAsync(fixture, template, projectsFolder, dockerfile, output, keepFailures: true);
        }

        var outcome = build.Succeeded ? "" : $"the check build failed:\n{build.Describe()}";
        foreach (var (folder, _) in projects.Where(project => !results.ContainsKey(project.Folder)))
        {
            var found = Path.Combine(output, folder);
            results[folder] = new SourceCheckResult(
                Path.Combine(projectsFolder, folder),
                null,
                await StatusAsync(found, "check.status"),
                await TextAsync(found, "check.log"),
                await StatusAsync(found, "run.status"),
                await TextAsync(found, "run.log"))
            {
                ContainerOutcome = outcome,
            };
        }

        return results;
    }

    private static async Task<BuildResult> CheckBuildAsync(
        ImageFixture fixture, TemplateMetadata template, string projectsFolder, string dockerfile, string output, bool keepFailures)
    {
        var arguments = new Dictionary<string, string>
        {
            ["IMAGE"] = template.SingleStageImage,
            ["SOURCE_CHECK"] = template.SourceCheck,
            ["SOURCE_RUN"] = template.SourceRun,
            ["SCRIPT"] = Script,
        };
        if (keepFailures)
        {
            arguments["KEEP_FAILURES"] = "1";
        }

        return await fixture.Builder.BuildAsync(new BuildRequest(projectsFolder, dockerfile, "")
        {
            Network = await fixture.NetworkAsync(),
            OutputDirectory = output,
            LogFile = Path.Combine(fixture.BuildLogDirectory, $"source-checks-{template.Language}{(keepFailures ? "-report" : "")}.log"),
            BuildArguments = arguments,
            Timeout = TimeSpan.FromMinutes(15),
        });
    }

    private static async Task<int?> StatusAsync(string directory, string file) =>
        int.TryParse(await TextAsync(directory, file), out var status) ? status : null;

    private static async Task<string> TextAsync(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? (await File.ReadAllTextAsync(path)).Trim() : "";
    }
}

/// <summary>What came of one generated project: dotnet new's failure, or the check's and run's status and output.</summary>
public sealed record SourceCheckResult(
    string Directory,
    string? GenerateFailure,
    int? CheckStatus,
    string CheckLog,
    int? RunStatus,
    string RunLog)
{
    public string ContainerOutcome { get; init; } = "";

    public string RunFirstLine => RunLog.Split('\n')[0].TrimEnd('\r');
}
