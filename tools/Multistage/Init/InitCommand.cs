using Multistage.Cli.Templates;
using Multistage.Core.Docker;
using Multistage.Core.Templates;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Multistage.Cli.Init;

/// <summary><c>multistage init [DIR]</c>: detect the project, print what was found and what will be
/// written, then write it with the language's item template (unless --dry-run).</summary>
public sealed class InitCommand(IAnsiConsole console, TemplateLoader templateLoader, DockerConnector connector, CancelledState cancelled) : AsyncCommand<InitSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Verify && settings.DryRun)
        {
            throw new BadInputException("--verify builds the files init writes, and --dry-run writes none: pass one of them.");
        }

        var templates = templateLoader.Load(settings);
        var plan = InitPlanner.Plan(settings, templates.Catalog, templates.Source.Directory);

        console.MarkupLineInterpolated($"[grey]Templates: {templates.Source.Description}[/]");
        Describe(plan);

        var files = await InitWriter.RenderAsync(plan, cancellationToken);
        var changed = files.Where(f => f.State == InitFileState.Changed).Select(f => f.Target).ToList();
        var warnings = plan.Detection?.Warnings ?? [];
        if (plan.DryRun)
        {
            ShowChanges(plan, files);
            console.WriteLine("Dry run: nothing was written.");
            return Incomplete(warnings, "would not work as it is") ?? ExitCodes.Success;
        }

        if (changed.Count > 0 && !settings.Force && !settings.SkipExisting)
        {
            var them = changed.Count == 1 ? "it" : "them";
            throw new BadInputException(
                $"{UserPath.Display(plan.Directory)} already has {string.Join(", ", changed)}, unlike what init writes (--dry-run shows the difference): " +
                $"pass --force to replace {them}, --skip-existing to keep {them} and write the rest, or move {them} away.");
        }

        // Before writing: without a daemon, --verify cannot keep its promise, and nothing is written.
        DockerConnection? connection = null;
        if (settings.Verify)
        {
            (connection, var noDaemon) = await connector.OpenAsync(cancellationToken);
            if (connection is null)
            {
                console.WriteLine("Nothing was written: start Docker, or run init without --verify.");
                return noDaemon;
            }
        }

        var written = InitWriter.Write(plan, files, replaceChanged: settings.Force);
        var where = UserPath.InSentence(plan.Directory);
        ShowChanges(plan, files, settings.Force);
        if (written.Count == 0)
        {
            console.MarkupLineInterpolated($"Wrote nothing to {where}: every file is there already.");
        }
        else
        {
            console.MarkupLineInterpolated($"Wrote [green]{string.Join(", ", written)}[/] to {where}.");
            cancelled.Now = $"init wrote {string.Join(", ", written)} to {where} and stopped before the end; the images it built are removed. Run init --verify again to check the files.";
        }

        if (Incomplete(warnings, "will not work as it is") is { } incomplete)
        {
            if (connection is not null)
            {
                // A loopback bind answers on the host network all the same: a pass here would be a false one.
                console.WriteLine("Not verified: make the change above, then run init --verify again.");
            }

            return incomplete;
        }

        if (connection is not null)
        {
            // The verify table names what init found (FastAPI, Django), not the template's own sample (Flask).
            var sample = templates.Catalog.Single(t => t.Language == plan.Template.Language);
            var template = sample with { DisplayName = plan.Detection?.Kind ?? sample.DisplayName };
            var verified = await new InitVerifier(console).VerifyAsync(plan, template, connection, BuildArgumentOption.Parse(settings.BuildArguments), cancellationToken);
            if (verified != ExitCodes.Success)
            {
                return verified;
            }
        }

        var image = InitImageName.From(plan.Name);
        var folder = UserPath.Display(plan.Directory);
        var single = ShellWord.Quote($"{folder}/Dockerfile.single");
        console.MarkupLineInterpolated($"Next: [blue]docker build -t {image} {ShellWord.Quote(folder)} && docker build -f {single} -t {image}:single {ShellWord.Quote(folder)}[/]");
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
            console.MarkupLineInterpolated($"Found {found.Kind ?? $"a {plan.Template.Language} project"} in {where}: {string.Join(", ", found.Markers)}");
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

        console.MarkupLineInterpolated($"[grey]The same with dotnet new, in {where}: {plan.DotnetNewLine}[/]");
    }

    /// <summary>One line per file: new, unchanged, replaced or kept; a dry run also shows each change as a diff.</summary>
    private void ShowChanges(InitPlan plan, IReadOnlyList<InitFile> files, bool replaceChanged = false)
    {
        if (plan.UserCompose is { } theirs)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] your {theirs} stays as it is and is what `docker compose up` reads; init's service goes to {InitFiles.BesideUserCompose}: `docker compose -f {InitFiles.BesideUserCompose} up --build` runs it alone, `docker compose -f {theirs} -f {InitFiles.BesideUserCompose} up --build` beside your services.");
        }

        console.MarkupLineInterpolated($"{(plan.DryRun ? "Would write to" : "Files in")} {UserPath.Display(plan.Directory)}:");
        foreach (var file in files)
        {
            var state = file.State switch
            {
                InitFileState.New => "new",
                InitFileState.Unchanged => "unchanged: the same as init writes",
                _ when plan.DryRun => "exists and differs: --force would replace it, --skip-existing keep it",
                _ => replaceChanged ? "replaced (--force)" : "kept as it is (--skip-existing)",
            };
            console.MarkupLineInterpolated($"  {file.Target}: {state}");
            if (plan.DryRun && file.State == InitFileState.Changed)
            {
                var diff = Core.Text.LineDiff.Unified(file.Existing!, file.Content, $"{file.Target} (yours)", $"{file.Target} (init)");
                foreach (var line in diff.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var color = line[0] switch { '+' => "green", '-' => "red", '@' => "blue", _ => "grey" };
                    console.MarkupLine($"    [{color}]{Markup.Escape(line)}[/]");
                }
            }
        }
    }

}
