namespace Multistage.Cli.Init;

/// <summary>README.Docker.md's last section: what init read from the project and where, its notes and the
/// changes it asks for, so the reasons stay with the files after the terminal is gone.</summary>
public static class InitFindings
{
    public static string Markdown(InitPlan plan)
    {
        var lines = new List<string>
        {
            "## What init found",
            "",
            "`multistage init` read these values from the project (run it again with `--set OPTION=VALUE`, or",
            "`--port`/`--runtime`, to change one; the template's defaults are not listed):",
            "",
            "| Option | Value | From |",
            "|---|---|---|",
            Row("name", plan.Name, plan.NameFrom),
        };
        lines.AddRange(plan.Values.Select(v => Row(v.Option, v.Value, v.From)));
        if (plan.Detection?.Notes is { Count: > 0 } notes)
        {
            lines.AddRange(["", "Notes:", ""]);
            lines.AddRange(notes.Select(n => $"- {n}"));
        }

        if (plan.Detection?.Warnings is { Count: > 0 } warnings)
        {
            lines.AddRange(["", "**Change these first**: the image will not work until you do.", ""]);
            lines.AddRange(warnings.Select(w => $"- {w}"));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Row(string option, string value, string from) =>
        $"| {Cell(option)} | {(value.Length == 0 ? "(empty)" : $"`{Cell(value)}`")} | {Cell(from)} |";

    /// <summary>A table cell: a pipe would end it, a line break would end the row.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
