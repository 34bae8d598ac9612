using System.Diagnostics;
using Multistage.Cli.Comparing;
using Multistage.Core.Templates;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Multistage.Cli.Seeding;

/// <summary><c>multistage seed</c>: plan (all input checked), then write.</summary>
public sealed class SeedCommand : AsyncCommand<SeedSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SeedSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var catalog = TemplateCatalog.LoadRepository(AppContext.BaseDirectory);
        SeedPlan plan;
        try
        {
            plan = SeedPlanner.Plan(settings, catalog);
        }
        catch (SeedInputException e)
        {
            foreach (var problem in e.Problems)
            {
                ErrorOutput.Line(problem);
            }

            ErrorOutput.Note("Nothing was written.");
            return ExitCodes.BadInput;
        }

        await new CourseSeeder().SeedAsync(plan, line => AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]"), cancellationToken);

        var table = new Table().AddColumns("Language", "Runtime", "Builder", "Final stage", "Port");
        foreach (var language in plan.Languages)
        {
            table.AddRow(language.Template.DisplayName, language.Runtime, language.RuntimeChoice.BuilderImage,
                language.RuntimeChoice.RuntimeImage, language.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Seeded [green]{plan.OutputDirectory}[/] ({plan.Mode.ToString().ToLowerInvariant()}) in {Format.Seconds(clock.Elapsed.TotalSeconds)}. Next: [blue]dotnet run --project tools/Multistage -- compare {DisplayPath(plan.OutputDirectory)}[/]");
        return ExitCodes.Success;
    }

    /// <summary>A path as the user would type it: relative below the current folder, else absolute.</summary>
    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
