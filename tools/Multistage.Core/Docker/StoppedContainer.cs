namespace Multistage.Core.Docker;

/// <summary>A stopped container's outcome: how it ended and what it printed.</summary>
public sealed record StoppedContainer(string Name, int ExitCode, TimeSpan StopDuration, string Logs)
{
    /// <summary>137 = 128 + SIGKILL: Docker had to kill it because it ignored SIGTERM.</summary>
    public bool WasKilled => ExitCode == 137;
}
