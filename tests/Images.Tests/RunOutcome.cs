using Multistage.Core.Docker;
using Multistage.Core.Pipeline;

namespace Images.Tests;


/// <summary>One input contract row's run: how the container ended (null when it served, or on failure) and what it said.</summary>
/// <param name="Failure">Why the run did not end as the row expects to observe it (never healthy, never exited).</param>
public sealed record InputOutcome(InputCase Row, int? ExitCode, string Logs, string? Failure)
{
    public string FirstLine => Logs.Split('\n')[0].TrimEnd('\r');
}

/// <summary>A container stopped while a client held a connection (Stopped is null when it never answered).</summary>
public sealed record LoadedStop(ClientLoad Load, HttpAnswer FirstAnswer, StoppedContainer? Stopped);
