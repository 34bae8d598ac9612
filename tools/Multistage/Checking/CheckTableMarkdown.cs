using System.Text;
using Multistage.Cli.Rendering;
using Multistage.Core.Pipeline;

namespace Multistage.Cli.Checking;

/// <summary>The README's table of what `check` grades, written from the checks themselves (id and rule),
/// so the documentation cannot drift from the grader.</summary>
public static class CheckTableMarkdown
{
    public static MarkedBlock Block { get; } = new(
        "<!-- checks:begin (generated from SampleChecks.All; do not edit) -->",
        "<!-- checks:end -->");

    public static string Write(IReadOnlyList<SampleCheck> checks)
    {
        var table = new StringBuilder();
        table.Append("| Check | Passes when |\n|---|---|\n");
        foreach (var check in checks)
        {
            table.Append($"| {check.Id} | {check.PassesWhen} |\n");
        }

        return table.ToString();
    }
}
