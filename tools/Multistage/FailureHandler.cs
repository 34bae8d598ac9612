using Spectre.Console.Cli;

namespace Multistage.Cli;

/// <summary>
/// Turns an exception that reaches the top into an error line and an exit code. Without it Spectre prints
/// a stack trace and exits 255 for ordinary mistakes such as a misspelt option or a failed docker build.
/// </summary>
public sealed class FailureHandler(ErrorOutput errors)
{
    private const string HelpHint = "Run `multistage --help` for the commands, `multistage <command> --help` for their options.";

    public int Handle(Exception exception, ITypeResolver? resolver)
    {
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException:
                // Spectre's own message says what was wrong with the command line; the hint says where the right form is.
                errors.Line($"{exception.Message} {HelpHint}");
                errors.Note("Nothing was written.");
                return ExitCodes.BadInput;
            case OperationCanceledException:
                // Commands write into a private folder and move it into place last, so there is nothing half-done.
                errors.Line("Cancelled: nothing was changed; run the command again to finish it.");
                return ExitCodes.Cancelled;
            default:
                // Our own exceptions carry the problem and its fix (and a process's output) in the message.
                errors.Line(exception.Message);
                return ExitCodes.Failure;
        }
    }
}
