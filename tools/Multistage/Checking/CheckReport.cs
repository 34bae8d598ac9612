using Multistage.Core.Pipeline;
using Spectre.Console;

namespace Multistage.Cli.Checking;

/// <summary>The graded checks as a table for people and as a record for machines.</summary>
public static class CheckReport
{
    public static Table Table(CheckedSample sample, IReadOnlyList<CheckOutcome> outcomes)
    {
        var table = new Table()
            .Title($"{Markup.Escape(sample.Template.DisplayName)}: {Markup.Escape(UserPath.Display(sample.Directory))}")
            .AddColumns("Check", "Result", "Measured", "What to do");
        foreach (var outcome in outcomes)
        {
            table.AddRow(
                Markup.Escape(outcome.Title),
                outcome.Passed ? "[green]pass[/]" : "[red]FAIL[/]",
                Markup.Escape(outcome.Figure),
                outcome.Passed ? "" : Markup.Escape($"{outcome.Problem}. {outcome.Hint}"));
        }

        return table;
    }

    public static object ForJson(CheckedSample sample, IReadOnlyList<CheckOutcome> outcomes) => new
    {
        Directory = sample.Directory,
        Language = sample.Template.Language,
        Passed = outcomes.All(o => o.Passed),
        Checks = outcomes,
    };
}
