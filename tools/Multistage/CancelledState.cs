namespace Multistage.Cli;

/// <summary>What is true on disk and in Docker if the command is cancelled now: the one "Cancelled" line
/// says it. A command updates it as its work passes a point that changes the answer (init, once its files
/// are written). One per run, held by <see cref="CommandServices"/>.</summary>
public sealed class CancelledState
{
    public const string NothingChanged = "nothing was changed; run the command again to finish it.";

    public string Now { get; set; } = NothingChanged;
}
