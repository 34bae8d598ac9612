using System.Runtime.InteropServices;

namespace Multistage.Cli;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancelled token, so commands stop their child
/// processes, remove their temporary folders and containers, and exit 130 with one line. A second
/// signal is left to the runtime and ends the process at once, for a user who does not want to wait.
/// </summary>
public sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public SignalCancellation()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _source.Cancel();
    }
}
