using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Multistage.Cli.Seeding;
using Multistage.Cli.Templates;
using Multistage.Core.Docker;
using Multistage.Core.Pipeline;
using Multistage.Core.Templates;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Multistage.Cli.Pitfalls;

/// <summary><c>multistage pitfalls [COURSE]</c>: reproduces every pitfall of a course seeded with --pitfalls
/// and prints expected versus observed. Exit 0 only when each reproducible one showed its symptom; the
/// ones this machine cannot show are listed with the reason.</summary>
public sealed class PitfallsCommand(IAnsiConsole console, TemplateLoader templateLoader, DockerConnector connector, CancelledState cancelled) : AsyncCommand<PitfallsSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public override async Task<int> ExecuteAsync(CommandContext context, PitfallsSettings settings, CancellationToken cancellationToken)
    {
        var catalog = templateLoader.Load(settings).Catalog;
        var folder = Path.Combine(Path.GetFullPath(settings.Directory), PitfallSample.FolderName);
        var found = System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
                .Where(d => File.Exists(Path.Combine(d, PitfallSample.ExpectationFile))).ToList()
            : [];
        if (found.Count == 0)
        {
            throw new BadInputException($"No pitfalls in {UserPath.Display(folder)}: seed a course with them, `{SelfCommand.With("seed", "--out", settings.Directory, "--pitfalls")}`.");
        }

        // A learner trying one lesson need not wait for the whole gallery; an unknown name is refused
        // before anything is built, with the names there are.
        var unknown = settings.Only.Where(name => !found.Any(d => Path.GetFileName(d) == name)).ToList();
        if (unknown.Count > 0)
        {
            throw new BadInputException(
                $"--only {string.Join(", ", unknown)}: no such pitfall in {UserPath.Display(folder)}. " +
                $"The course has: {string.Join(", ", found.Select(Path.GetFileName))}.");
        }
        if (settings.Only.Length > 0)
        {
            found = found.Where(d => settings.Only.Contains(Path.GetFileName(d))).ToList();
        }

        cancelled.Now = "the course is untouched (each pitfall runs on a copy) and the images built were removed; run pitfalls again to see the rest.";
        var (connection, exitCode) = await connector.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return exitCode;
        }

        var table = new Table().AddColumns("Pitfall", "Phase", "Expected", "Observed", "Result", "Time");
        int shown = 0, notShown = 0, notReproducible = 0;
        foreach (var directory in found)
        {
            var expected = JsonSerializer.Deserialize<PitfallExpectation>(File.ReadAllText(Path.Combine(directory, PitfallSample.ExpectationFile)), JsonOptions)
                ?? throw new InvalidDataException($"{directory}/{PitfallSample.ExpectationFile} is empty.");
            var template = catalog.FirstOrDefault(t => t.Language == expected.Language)
                ?? throw new InvalidDataException($"{directory}: no template for language '{expected.Language}' in the templates in use.");
            string observed, result;
            var clock = Stopwatch.StartNew();
            if (expected.NotReproducible is { } why)
            {
                // Listed, never skipped: the learner sees which lessons this machine cannot show, and why.
                (observed, result) = ($"not run: {why}", "[yellow]not reproducible[/]");
                notReproducible++;
            }
            else if (expected is { Phase: { } phase, Symptom: { } symptom })
            {
                var (seen, showed) = await ObserveAsync(directory, template, expected, phase, symptom, connection, BuildArgumentOption.Parse(settings.BuildArguments), cancellationToken);
                (observed, result) = (seen, showed ? "[green]shown[/]" : "[red]NOT SHOWN[/]");
                (shown, notShown) = showed ? (shown + 1, notShown) : (shown, notShown + 1);
            }
            else
            {
                throw new InvalidDataException($"{directory}/{PitfallSample.ExpectationFile} has neither a phase and symptom nor a notReproducible reason; seed the course again.");
            }

            table.AddRow(
                Markup.Escape(Path.GetFileName(directory)),
                expected.Phase?.ToString().ToLowerInvariant() ?? "-",
                Markup.Escape(expected.Symptom ?? "-"),
                Markup.Escape(observed),
                result,
                // What each pitfall costs to reproduce, so CI time stays visible.
                $"{clock.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
        }

        console.Write(table);
        console.MarkupLine(notShown == 0
            ? (shown == 1 ? "[green]The reproducible pitfall showed its symptom.[/]" : $"[green]All {shown} reproducible pitfalls showed their symptom.[/]")
            : $"[red]{notShown} of {shown + notShown} reproducible pitfalls did not show their symptom.[/]");
        if (notReproducible > 0)
        {
            console.MarkupLine($"[yellow]{notReproducible} not reproducible here[/], listed with the reason.");
        }

        return notShown == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private async Task<(string Observed, bool Showed)> ObserveAsync(
        string directory, TemplateMetadata template, PitfallExpectation expected, PitfallPhase phase, string symptom, DockerConnection connection,
        IReadOnlyDictionary<string, string> buildArguments, CancellationToken ct)
    {
        using var copy = PrivateCopy.Of(directory, "pitfall");
        await using var owned = new OwnedSampleRun(connection.Docker, connection.Network, buildArguments,
            OwnedSampleRun.UniqueName("multistage-pitfall"), template, copy.Directory, ct);
        var observation = await console.Status().StartAsync(
            $"{expected.Language}-{expected.Name}: {phase.ToString().ToLowerInvariant()}",
            _ => PitfallObserver.ObserveAsync(owned.Run, phase, symptom));
        return (observation.Observed, observation.ShowsSymptom);
    }
}
