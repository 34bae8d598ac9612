using Multistage.Core.Docker;
using Multistage.Core.Templates;

namespace Images.Tests.Names;

/// <summary>
/// One template's generated projects, checked without building images: a project per
/// <see cref="ProjectNames"/> entry and per out-of-range <c>--port</c>, all compiled or parsed by the
/// template's own <c>sourceCheck</c> in one container of its single-stage image (the toolchain the
/// user has), and the <c>--port</c> ones started with <c>sourceRun</c>.
/// </summary>
public sealed class SourceChecks(ImageFixture fixture, TemplateMetadata template)
{
    /// <summary>Ports dotnet new accepts and the app must report as the template's default.</summary>
    public static IReadOnlyList<string> OutOfRangePorts { get; } = ["70000", "3000000000"];

    // In the container: check every project, and start those marked to run. Each result lands in the
    // project's folder, which the test reads from the host side.
    // The projects arrive by docker cp (a bind mount does not reach a daemon in its own root or VM):
    // the marker comes last, in a copy of its own, once everything else is there.
    // Two lanes, each taking every second project: a compile (dotnet build, cargo build) leaves a core
    // idle much of the time, and this is the image tests' longest step. The first project is checked
    // alone before the lanes start: a toolchain's first run sets up state in HOME (the .NET SDK's
    // NuGet migrations), and two first runs at once race for it ("mkdir ... EEXIST").
    private const string Script = """
        until [ -e /work/.copied ]; do sleep 0.1; done
        check() {
          (
            cd "$1" || exit
            sh -c "$SOURCE_CHECK" > .check.log 2>&1
            echo $? > .check.status
            if [ -e .run-me ]; then
              sh -c "$SOURCE_RUN" > .run.log 2>&1
              echo $? > .run.status
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
        var hive = await fixture.HiveAsync();
        var projects = ProjectNames.All.Select(name => (Folder: NameFolder(name), Options: (IReadOnlyList<string>)["-n", name.Value]))
            .Concat(OutOfRangePorts.Select(port => (Folder: PortFolder(port), Options: (IReadOnlyList<string>)["-n", VariantImages.AppName, "--port", port])))
            .ToList();
        var results = new Dictionary<string, SourceCheckResult>(StringComparer.Ordinal);
        foreach (var (folder, options) in projects)
        {
            var directory = Path.Combine(root, folder);
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

        var container = $"multistage-test-sources-{template.Language}-{fixture.RunId}";
        try
        {
            await fixture.Containers.RunDetachedAsync(new ContainerRunOptions(template.SingleStageImage, container)
            {
                NoNetwork = true,
                ReadOnly = false,
                Tmpfs = null,
                DropAllCapabilities = false,
                Environment = new Dictionary<string, string>
                {
                    ["HOME"] = "/tmp",
                    ["SOURCE_CHECK"] = template.SourceCheck,
                    ["SOURCE_RUN"] = template.SourceRun,
                },
                Command = ["sh", "-c", Script],
            });
            await fixture.Containers.CopyInAsync(container, root, "/work");
            var marker = Directory.CreateDirectory(Path.Combine(fixture.WorkDirectory, "source-checks", $"{template.Language}-marker")).FullName;
            await File.WriteAllTextAsync(Path.Combine(marker, ".copied"), "");
            await fixture.Containers.CopyInAsync(container, marker, "/work");
            var state = await fixture.Containers.WaitUntilExitedAsync(container, TimeSpan.FromMinutes(15));
            await fixture.Containers.CopyOutAsync(container, "/work", root);
            var logs = await fixture.Containers.LogsAsync(container);
            foreach (var (folder, _) in projects.Where(project => !results.ContainsKey(project.Folder)))
            {
                var directory = Path.Combine(root, folder);
                results[folder] = new SourceCheckResult(
                    directory,
                    null,
                    await StatusAsync(directory, ".check.status"),
                    await TextAsync(directory, ".check.log"),
                    await StatusAsync(directory, ".run.status"),
                    await TextAsync(directory, ".run.log"))
                {
                    ContainerOutcome = $"container exit {state.ExitCode}; output: {(logs.Length == 0 ? "(none)" : logs)}",
                };
            }
        }
        finally
        {
            await fixture.Containers.RemoveAsync(container);
        }

        return results;
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
