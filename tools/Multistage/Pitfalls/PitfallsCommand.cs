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
/// and prints expected versus observed. Exit 0 only when each showed its symptom.</summary>
public sealed class PitfallsCommand(IAnsiConsole console, ErrorOutput errors, TemplateLoader templateLoader, DockerConnector connector) : AsyncCommand<PitfallsSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public override async Task<int> ExecuteAsync(CommandContext context, PitfallsSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<TemplateMetadata> catalog;
        try
        {
            catalog = templateLoader.Load(settings).Catalog;
        }
        catch (TemplateSourceException e)
        {
            return errors.BadInput([e.Message]);
        }

        var folder = Path.Combine(Path.GetFullPath(settings.Directory), PitfallSample.FolderName);
        var found = System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
                .Where(d => File.Exists(Path.Combine(d, PitfallSample.ExpectationFile))).ToList()
            : [];
        if (found.Count == 0)
        {
            return errors.BadInput([$"No pitfalls in {UserPath.Display(folder)}: seed a course with them, `{SelfCommand.Line} seed --out {settings.Directory} --pitfalls`."]);
        }

        var (connection, exitCode) = await connector.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return exitCode;
        }

        var table = new Table().AddColumns("Pitfall", "Phase", "Expected", "Observed", "Result");
        var shown = 0;
        foreach (var directory in found)
        {
            var expected = JsonSerializer.Deserialize<PitfallExpectation>(File.ReadAllText(Path.Combine(directory, PitfallSample.ExpectationFile)), JsonOptions)
                ?? throw new InvalidDataException($"{directory}/{PitfallSample.ExpectationFile} is empty.");
            var template = catalog.FirstOrDefault(t => t.Language == expected.Language)
                ?? throw new InvalidDataException($"{directory}: no template for language '{expected.Language}' in the templates in use.");
            var (observed, showed) = expected.NeedsRegistry is { } why
                ? ($"not reproduced: needs registry access ({why})", false)
                : await ObserveAsync(directory, template, expected, connection, BuildArgumentOption.Parse(settings.BuildArguments), cancellationToken);
            shown += showed ? 1 : 0;
            table.AddRow(
                Markup.Escape(Path.GetFileName(directory)),
                expected.Phase.ToString().ToLowerInvariant(),
                Markup.Escape(expected.Symptom),
                Markup.Escape(observed),
                showed ? "[green]shown[/]" : "[red]NOT SHOWN[/]");
        }

        console.Write(table);
        console.MarkupLine(shown == found.Count
            ? $"[green]All {found.Count} pitfalls showed their symptom.[/]"
            : $"[red]{found.Count - shown} of {found.Count} pitfalls did not show their symptom.[/]");
        return shown == found.Count ? ExitCodes.Success : ExitCodes.Failure;
    }

    private async Task<(string Observed, bool Showed)> ObserveAsync(
        string directory, TemplateMetadata template, PitfallExpectation expected, DockerConnection connection,
        IReadOnlyDictionary<string, string> buildArguments, CancellationToken ct)
    {
        using var copy = PrivateCopy.Of(directory, "pitfall");
        var tags = new List<string>();
        var name = $"multistage-pitfall-{Guid.NewGuid():N}"[..32];
        var run = new SampleRun(new SampleRunContext(connection.Docker, connection.Network, buildArguments, name, null, tags.Add), template, copy.Directory);
        try
        {
            ct.ThrowIfCancellationRequested();
            var observation = await console.Status().StartAsync(
                $"{expected.Language}-{expected.Name}: {expected.Phase.ToString().ToLowerInvariant()}",
                _ => PitfallObserver.ObserveAsync(run, expected.Phase, expected.Symptom));
            return (observation.Observed, observation.ShowsSymptom);
        }
        finally
        {
            await new DockerImages(connection.Docker).RemoveAsync(tags, CancellationToken.None);
        }
    }
}
