namespace Multistage.Core.Processes;

/// <summary>What to run: an executable, its arguments (passed as a list, never re-parsed by a shell) and how.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set on top of the current environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Text written to the process's standard input, which is then closed; null leaves stdin unused.</summary>
    public string? StandardInput { get; init; }

    /// <summary>When set, stdout bytes go there instead of <see cref="ProcessResult.StandardOutput"/> (e.g. `docker save`).</summary>
    public Stream? StandardOutputSink { get; init; }

    /// <summary>The command line as a reader would type it in a POSIX shell, for logs and failure messages.</summary>
    public string CommandLine => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(ShellQuote));

    private static string ShellQuote(string argument)
    {
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+%".Contains(c)))
        {
            return argument;
        }
        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
