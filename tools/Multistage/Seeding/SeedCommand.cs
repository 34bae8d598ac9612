using System.Diagnostics;
using Multistage.Cli.Comparing;
using Multistage.Cli.Templates;
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
        SeedPlan plan;
        TemplateSelection templates;
        try
        {
            templates = TemplateSelection.Load(settings);
            plan = SeedPlanner.Plan(settings, templates.Catalog, templates.Source.Directory);
        }
        catch (TemplateSourceException e)
        {
            return ErrorOutput.BadInput([e.Message]);
        }
        catch (SeedInputException e)
        {
            return ErrorOutput.BadInput(e.Problems);
        }

        AnsiConsole.MarkupLineInterpolated($"[grey]Templates: {templates.Source.Description}[/]");

        await new CourseSeeder().SeedAsync(plan, line => AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]"), cancellationToken);

        var table = new Table().AddColumns("Language", "Runtime", "Builder", "Final stage", "Port");
        foreach (var language in plan.Languages)
        {
            table.AddRow(language.Template.DisplayName, language.Runtime, language.RuntimeChoice.BuilderImage,
                language.RuntimeChoice.RuntimeImage, language.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Seeded [green]{plan.OutputDirectory}[/] ({plan.Mode.ToString().ToLowerInvariant()}) in {Format.Seconds(clock.Elapsed.TotalSeconds)}. Next: [blue]{SelfCommand.Line} compare {UserPath.Display(plan.OutputDirectory)}[/]");
        return ExitCodes.Success;
    }
}
