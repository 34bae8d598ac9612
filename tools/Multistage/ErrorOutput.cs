using Spectre.Console;

namespace Multistage.Cli;

/// <summary>Errors go to their own console (standard error for the real tool), one whole line each, so a
/// script can keep stdout and still show the user what went wrong.</summary>
public sealed class ErrorOutput(IAnsiConsole console)
{
    /// <summary>Standard error, never hard-wrapped when redirected (a CI log has no real width).</summary>
    public static ErrorOutput StandardError()
    {
        var standardError = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        if (System.Console.IsErrorRedirected)
        {
            standardError.Profile.Width = 1000;
        }

        return new ErrorOutput(standardError);
    }

    public void Line(string message) => console.MarkupLineInterpolated($"[red]error:[/] {message}");

    public void Note(string message) => console.WriteLine(message);

    /// <summary>Every problem on a line of its own, then the promise that nothing was written.</summary>
    public int BadInput(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            Line(problem);
        }

        Note("Nothing was written.");
        return ExitCodes.BadInput;
    }
}
