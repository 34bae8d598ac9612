using Spectre.Console;

namespace Multistage.Cli;

/// <summary>Errors go to standard error, one whole line each, so a script can keep stdout and still
/// show the user what went wrong.</summary>
public static class ErrorOutput
{
    private static readonly IAnsiConsole Console = Create();

    public static void Line(string message) => Console.MarkupLineInterpolated($"[red]error:[/] {message}");

    public static void Note(string message) => Console.WriteLine(message);

    /// <summary>Every problem on a line of its own, then the promise that nothing was written.</summary>
    public static int BadInput(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            Line(problem);
        }

        Note("Nothing was written.");
        return ExitCodes.BadInput;
    }

    private static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        if (System.Console.IsErrorRedirected)
        {
            // Redirected output has no real width: never hard-wrap an error at 80 columns.
            console.Profile.Width = 1000;
        }

        return console;
    }
}
