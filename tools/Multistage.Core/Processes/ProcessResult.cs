using System.Globalization;
using System.Text;

namespace Multistage.Core.Processes;

/// <summary>What came out of one run. A non-zero exit is data here, not an exception.</summary>
public sealed record ProcessResult(
    ProcessSpec Spec,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration,
    bool TimedOut)
{
    /// <summary>How many trailing lines of each stream <see cref="Describe"/> shows.</summary>
    public const int TailLines = 40;

    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>A block for failure messages: the command, how it ended, how long it took, and the end of its output.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("$ ").AppendLine(Spec.CommandLine);
        if (Spec.WorkingDirectory is not null)
        {
            text.Append("  in ").AppendLine(Spec.WorkingDirectory);
        }
        var ending = TimedOut
            ? string.Create(CultureInfo.InvariantCulture, $"timed out after {Spec.Timeout.TotalSeconds:0.#} s (process tree killed)")
            : string.Create(CultureInfo.InvariantCulture, $"exit code {ExitCode}");
        text.Append(CultureInfo.InvariantCulture, $"  {ending}, took {Duration.TotalSeconds:0.0} s").AppendLine();
        AppendTail(text, "stdout", Spec.StandardOutputSink is null ? StandardOutput : "(sent to the output sink)");
        AppendTail(text, "stderr", StandardError);
        return text.ToString();
    }

    private static void AppendTail(StringBuilder text, string name, string output)
    {
        // Blank output (a lone newline) is shown as empty rather than as an indented blank line.
        if (string.IsNullOrWhiteSpace(output))
        {
            text.Append("  ").Append(name).AppendLine(": (empty)");
            return;
        }
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var shown = lines.Length > TailLines ? lines[^TailLines..] : lines;
        text.Append("  ").Append(name);
        text.AppendLine(lines.Length > TailLines ? $" (last {TailLines} of {lines.Length} lines):" : ":");
        foreach (var line in shown)
        {
            text.Append("    ").AppendLine(line);
        }
    }
}
