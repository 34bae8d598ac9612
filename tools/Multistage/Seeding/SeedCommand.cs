using Multistage.Cli.Rendering;
using Multistage.Cli.Templates;
using Multistage.Core.Templates;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Multistage.Cli.Seeding;

/// <summary><c>multistage seed</c>: plan (all input checked, bad input thrown as <see cref="BadInputException"/>), then write.</summary>
public sealed class SeedCommand(IAnsiConsole console, TemplateLoader templateLoader, TimeProvider clock) : AsyncCommand<SeedSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SeedSettings settings, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var templates = templateLoader.Load(settings);
        var plan = SeedPlanner.Plan(settings, templates.Catalog, templates.Source.Directory);

        console.MarkupLineInterpolated($"[grey]Templates: {templates.Source.Description}[/]");

        await new CourseSeeder().SeedAsync(plan, line => console.MarkupLineInterpolated($"[grey]{line}[/]"), cancellationToken);

        var table = new Table().AddColumns("Language", "Runtime", "Builder", "Final stage", "Port");
        foreach (var language in plan.Languages)
        {
            table.AddRow(language.Template.DisplayName, language.Runtime, language.RuntimeChoice.BuilderImage,
                language.RuntimeChoice.RuntimeImage, language.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"Seeded [green]{plan.OutputDirectory}[/] ({plan.Mode.ToString().ToLowerInvariant()}) in {Format.Seconds(clock.GetElapsedTime(started).TotalSeconds)}. Next: [blue]{SelfCommand.With("compare", UserPath.Display(plan.OutputDirectory))}[/]");
        return ExitCodes.Success;
    }
}
