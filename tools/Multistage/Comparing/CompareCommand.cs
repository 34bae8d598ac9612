using System.Text.Json;
using Multistage.Cli.Rendering;
using Multistage.Cli.Templates;
using Multistage.Core.Docker;
using Multistage.Core.Templates;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Multistage.Cli.Comparing;

/// <summary><c>multistage compare</c>: build and measure every sample's two images and the template's
/// other runtime choices (<see cref="CourseMeasurer"/>), then write the report with the notes' claims
/// beside the measured figures, the chart and (optionally) JSON. Without a daemon it says how to start one and writes nothing.</summary>
public sealed class CompareCommand(IAnsiConsole console, TemplateLoader templateLoader, DockerConnector connector, CancelledState cancelled) : AsyncCommand<CompareSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public override async Task<int> ExecuteAsync(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var courseDirectory = Path.GetFullPath(settings.Directory);
        var templates = templateLoader.Load(settings);
        if (!Directory.Exists(courseDirectory))
        {
            throw new BadInputException($"The course folder {courseDirectory} does not exist: seed one with `{SelfCommand.With("seed", "--out", settings.Directory)}` or pass the folder of a seeded course.");
        }

        var samples = SelectSamples(CourseSample.Find(courseDirectory, templates.Catalog), courseDirectory, settings.Languages);
        cancelled.Now = "no report was written, and the images being measured were removed; run compare again to measure.";
        var (connection, exitCode) = await connector.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return exitCode;
        }

        var (docker, daemon, network) = connection;
        // Said once the work starts: without a daemon the one line that says how to start one stays alone.
        console.MarkupLineInterpolated($"[grey]Templates: {templates.Source.Description}[/]");
        var hiveDirectory = Path.Combine(Path.GetTempPath(), $"multistage-compare-hive-{Guid.NewGuid():N}");
        var measured = new List<LanguageMeasurement>();
        try
        {
            // The template's other runtime choices are made with `dotnet new`, as seed makes the course's.
            var hive = await TemplateHive.CreateAsync(hiveDirectory, samples.Select(s => s.Template.FolderPath), cancellationToken);
            var measurer = new CourseMeasurer(docker, network, BuildArgumentOption.Parse(settings.BuildArguments), hive);
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var jobs = samples.Select(s => (Sample: s, Task: progress.AddTask(Markup.Escape(s.Template.DisplayName), autoStart: false))).ToList();
                    foreach (var job in jobs)
                    {
                        job.Task.StartTask();
                        job.Task.IsIndeterminate = true;
                        measured.Add(await measurer.MeasureAsync(
                            job.Sample, step => job.Task.Description = Markup.Escape($"{job.Sample.Template.DisplayName}: {step}"), cancellationToken));
                        job.Task.Description = Markup.Escape(job.Sample.Template.DisplayName);
                        job.Task.IsIndeterminate = false;
                        job.Task.Value = job.Task.MaxValue;
                        job.Task.StopTask();
                    }
                });
        }
        finally
        {
            if (Directory.Exists(hiveDirectory))
            {
                Directory.Delete(hiveDirectory, recursive: true);
            }
        }

        var store = await ImageStore.ProbeAsync(docker, cancellationToken);
        var comparison = new Comparison(
            MachineProbe.Describe(daemon.ServerVersion ?? "unknown", store.Describe()), templates.Source.Description, settings.PullCount,
            [.. measured.SelectMany(m => m.Course)], [.. measured.SelectMany(m => m.RuntimeChoices)],
            [.. measured.SelectMany(m => m.NotMeasured)], [.. measured.SelectMany(m => m.ClaimBuilds)]);
        var written = await WriteReportsAsync(comparison, settings.Out ?? Path.Combine(courseDirectory, "report"), settings.Json, cancellationToken);
        foreach (var file in written)
        {
            console.MarkupLineInterpolated($"wrote [green]{file}[/]");
        }

        return ExitCodes.Success;
    }

    /// <summary>The samples to measure (those --languages names, else all), or bad input naming what the folder holds.</summary>
    private static IReadOnlyList<CourseSample> SelectSamples(IReadOnlyList<CourseSample> found, string courseDirectory, string? languages)
    {
        if (found.Count == 0)
        {
            var where = UserPath.Display(courseDirectory);
            // A sample folder given for the course (course/go) is the likeliest slip: say so, and name its course.
            throw new BadInputException(File.Exists(Path.Combine(courseDirectory, "Dockerfile.single"))
                ? $"{where} is one sample, not a course: pass the course that holds it, `{SelfCommand.With("compare", UserPath.Display(Path.GetDirectoryName(courseDirectory)!))}`."
                : $"No sample with both Dockerfile and Dockerfile.single in {where} (looked in its language folders and in solution/): " +
                  $"seed one with `{SelfCommand.With("seed", "--out", where)}` or pass the course folder.");
        }

        if (languages is null)
        {
            return found;
        }

        var wanted = languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var missing = wanted.Where(w => found.All(s => !s.Template.Language.Equals(w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            throw new BadInputException($"No sample for {string.Join(", ", missing)} in the course: choose from {string.Join(", ", found.Select(s => s.Template.Language))}.");
        }

        return found.Where(s => wanted.Contains(s.Template.Language, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    private static async Task<IReadOnlyList<string>> WriteReportsAsync(Comparison comparison, string outDirectory, string? jsonFile, CancellationToken ct)
    {
        Directory.CreateDirectory(outDirectory);
        var view = ComparisonView.From(comparison);
        var markdown = Path.Combine(outDirectory, "comparison.md");
        var chart = Path.Combine(outDirectory, "sizes.svg");
        await File.WriteAllTextAsync(markdown, CourseFileRenderer.Render("comparison.md", view), ct);
        await File.WriteAllTextAsync(chart, CourseFileRenderer.Render("sizes.svg", view), ct);
        List<string> written = [markdown, chart];
        if (jsonFile is not null)
        {
            var json = Path.GetFullPath(jsonFile);
            Directory.CreateDirectory(Path.GetDirectoryName(json)!);
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(comparison, JsonOptions) + "\n", ct);
            written.Add(json);
        }

        return written;
    }
}
