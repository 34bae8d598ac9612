using Multistage.Cli.Templates;
using Multistage.Core.Templates;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Multistage.Cli.Init;

/// <summary><c>multistage init [DIR]</c>: detect the project, print what was found and what will be
/// written, then write it with the language's item template (unless --dry-run).</summary>
public sealed class InitCommand(IAnsiConsole console, ErrorOutput errors, TemplateLoader templateLoader) : AsyncCommand<InitSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        InitPlan plan;
        TemplateSelection templates;
        try
        {
            templates = templateLoader.Load(settings);
            plan = InitPlanner.Plan(settings, templates.Catalog, templates.Source.Directory);
        }
        catch (TemplateSourceException e)
        {
            return errors.BadInput([e.Message]);
        }
        catch (InitInputException e)
        {
            return errors.BadInput(e.Problems);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // A --templates folder without (or with a broken) .dockerfiles/ item template: its message names the file.
            return errors.BadInput([e.Message]);
        }

        console.MarkupLineInterpolated($"[grey]Templates: {templates.Source.Description}[/]");
        Describe(plan);

        var warnings = plan.Detection?.Warnings ?? [];
        if (plan.DryRun)
        {
            console.WriteLine("Dry run: nothing was written.");
            return Incomplete(warnings, "would not work as it is") ?? ExitCodes.Success;
        }

        var written = await InitWriter.WriteAsync(plan, cancellationToken);
        var where = UserPath.Display(plan.Directory);
        console.MarkupLineInterpolated($"Wrote [green]{string.Join(", ", written)}[/] to {where}.");
        if (Incomplete(warnings, "will not work as it is") is { } incomplete)
        {
            return incomplete;
        }

        console.MarkupLineInterpolated($"Next: [blue]docker build -t {ImageName(plan.Name)} {where} && docker build -f {where}/Dockerfile.single -t {ImageName(plan.Name)}:single {where}[/]");
        return ExitCodes.Success;
    }

    /// <summary>When init knows the image will not work, the last lines say what to change instead of
    /// "Next: docker build", and the status is <see cref="ExitCodes.Incomplete"/>; null when all is well.</summary>
    private int? Incomplete(IReadOnlyList<string> warnings, string what)
    {
        if (warnings.Count == 0)
        {
            return null;
        }

        console.MarkupLineInterpolated($"[red]The image {what}.[/] Change this first, then build:");
        foreach (var warning in warnings)
        {
            console.MarkupLineInterpolated($"  - {warning}");
        }

        return ExitCodes.Incomplete;
    }

    private void Describe(InitPlan plan)
    {
        var where = UserPath.Display(plan.Directory);
        if (plan.Detection is { } found)
        {
            console.MarkupLineInterpolated($"Found a {plan.Template.Language} project in {where}: {string.Join(", ", found.Markers)}");
        }
        else
        {
            console.MarkupLineInterpolated($"No {plan.Template.Language} project files in {where}: --language {plan.Template.Language} with the template's defaults");
        }

        var table = new Table().AddColumns("Option", "Value", "From");
        table.AddRow("name", Markup.Escape(plan.Name), Markup.Escape(plan.NameFrom));
        foreach (var value in plan.Values)
        {
            table.AddRow(Markup.Escape(value.Option), Markup.Escape(value.Value), Markup.Escape(value.From));
        }

        var set = plan.Values.Select(v => v.Option).ToHashSet(StringComparer.Ordinal);
        foreach (var option in plan.Template.Options.Where(o => !set.Contains(o.LongName) && o.DefaultValue is not null))
        {
            table.AddRow(Markup.Escape(option.LongName), Markup.Escape(option.DefaultValue!), "the template's default");
        }

        console.Write(table);
        foreach (var note in plan.Detection?.Notes ?? [])
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }

        var files = plan.Template.Files.Select(f => plan.Replaced.Contains(f) ? $"{f} (replaced)" : f);
        console.MarkupLineInterpolated($"Will write to {where}: {string.Join(", ", files)}");
        console.MarkupLineInterpolated($"[grey]The same with dotnet new, in {where}: {plan.DotnetNewLine}[/]");
    }

    /// <summary>The image name the item template derives (lower case, runs of other characters as '-').</summary>
    private static string ImageName(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
}
