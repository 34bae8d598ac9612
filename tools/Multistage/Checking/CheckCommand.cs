using System.Text.Json;
using Multistage.Cli.Templates;
using Multistage.Core.Docker;
using Multistage.Core.Pipeline;
using Multistage.Core.Templates;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Multistage.Cli.Checking;

/// <summary><c>multistage check [DIR]</c>: grades the multi-stage Dockerfile in a sample folder against what
/// the solution achieves, on a private copy (the folder is never edited). Exit 0 all passed, 1 any failed,
/// 2 bad input, 3 no daemon.</summary>
public sealed class CheckCommand(IAnsiConsole console, TemplateLoader templateLoader, DockerConnector connector, CancelledState cancelled) : AsyncCommand<CheckSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public override async Task<int> ExecuteAsync(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var sample = CheckedSample.Find(settings, templateLoader.Load(settings).Catalog);
        cancelled.Now = $"{UserPath.Display(sample.Directory)} is untouched (check grades a copy) and the images it built were removed; run check again to grade it.";
        var (connection, exitCode) = await connector.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return exitCode;
        }

        var outcomes = await GradeAsync(sample, connection, BuildArgumentOption.Parse(settings.BuildArguments), cancellationToken);
        console.Write(CheckReport.Table(sample, outcomes));
        if (settings.Json is not null)
        {
            var json = Path.GetFullPath(settings.Json);
            Directory.CreateDirectory(Path.GetDirectoryName(json)!);
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(CheckReport.ForJson(sample, outcomes), JsonOptions) + "\n", cancellationToken);
        }

        var failed = outcomes.Count(o => !o.Passed);
        console.MarkupLine(failed == 0
            ? $"[green]All {outcomes.Count} checks passed.[/]"
            : $"[red]{failed} of {outcomes.Count} checks failed.[/]");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private async Task<IReadOnlyList<CheckOutcome>> GradeAsync(
        CheckedSample sample, DockerConnection connection, IReadOnlyDictionary<string, string> buildArguments, CancellationToken ct)
    {
        using var copy = PrivateCopy.Of(sample.Directory, "check");
        await using var owned = new OwnedSampleRun(connection.Docker, connection.Network, buildArguments,
            OwnedSampleRun.UniqueName($"multistage-check-{sample.Template.Language}"), sample.Template, copy.Directory, ct,
            context => context with { Contract = sample.Contract });
        return await console.Status().StartAsync(
            $"Building and running {UserPath.Display(sample.Directory)} ({sample.Template.DisplayName})",
            _ => SampleGrader.GradeAsync(owned.Run, sample.Checks));
    }
}
