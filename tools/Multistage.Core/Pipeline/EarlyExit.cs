using System.Globalization;
using System.Text.RegularExpressions;

namespace Multistage.Core.Pipeline;

/// <summary>A container that exited by itself before `docker stop`: the app crashed or refused its
/// configuration, so "never healthy", "no answer" and the stop's exit code share that one cause, which
/// only the app's own output names.</summary>
public static partial class EarlyExit
{
    /// <summary>The exit and what the app printed about it, or null while it was still running at the stop.</summary>
    public static string? Describe(RunOutcome outcome)
    {
        var state = outcome.BeforeStop;
        if (state.Running || state.Status == "created")
        {
            return null;
        }

        // 128 + N: a signal ended it (6: .NET's abort on an unhandled exception, 11: a segfault, 9: the OOM killer).
        var signal = state.ExitCode > 128 ? string.Create(CultureInfo.InvariantCulture, $" (signal {state.ExitCode - 128})") : "";
        var said = Excerpt(outcome.Stopped?.Logs ?? "");
        return $"the app exited by itself with status {state.ExitCode}{signal} before docker stop"
            + (said.Length == 0 ? ", printing nothing" : $"; its last output: {said}");
    }

    /// <summary>The first line naming an error and the line after it (an exception and its first frame); else the
    /// last two lines.</summary>
    private static string Excerpt(string logs)
    {
        var lines = logs.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var first = lines.FindIndex(l => ErrorLine().IsMatch(l));
        var picked = first >= 0 ? lines.Skip(first).Take(2) : lines.TakeLast(2);
        return string.Join(" | ", picked);
    }

    [GeneratedRegex(@"exception|error|fatal|panic|traceback", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();
}
