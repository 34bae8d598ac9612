using Multistage.Core.Templates;
using Spectre.Console.Cli;

namespace Multistage.Cli;

/// <summary>
/// Turns an exception that reaches the top into an error line and an exit code. Without it Spectre prints
/// a stack trace and exits 255 for ordinary mistakes such as a misspelt option or a failed docker build.
/// Commands report bad input by throwing (<see cref="BadInputException"/>, <see cref="TemplateSourceException"/>):
/// this is the one place that prints it.
/// </summary>
public sealed class FailureHandler(ErrorOutput errors, CancelledState cancelled)
{
    private const string HelpHint = "Run `multistage --help` for the commands, `multistage <command> --help` for their options.";

    public int Handle(Exception exception, ITypeResolver? resolver)
    {
        switch (exception)
        {
            case BadInputException bad:
                return errors.BadInput(bad.Problems);
            case TemplateSourceException source:
                return errors.BadInput([source.Message]);
            case CommandParseException or CommandRuntimeException:
                // Spectre's own message says what was wrong with the command line; the hint says where the right form is.
                errors.Line($"{exception.Message} {HelpHint}");
                errors.Note("Nothing was written.");
                return ExitCodes.BadInput;
            case OperationCanceledException:
                errors.Line($"Cancelled: {cancelled.Now}");
                return ExitCodes.Cancelled;
            case var refused when WritableFolder.IsWriteRefusal(refused):
                // Checked before the work where a command can; a folder that changed since, or a file inside it, ends here.
                errors.Line($"{exception.Message}: the tool may not write there. Fix: make the folder writable, or choose one you can write to.");
                return ExitCodes.Failure;
            default:
                // Our own exceptions carry the problem and its fix (and a process's output) in the message.
                errors.Line(exception.Message);
                return ExitCodes.Failure;
        }
    }
}
