using Multistage.Core.Docker;

namespace Images.Tests;

/// <summary>What one hardened run of the multi-stage image showed: health, the two answers, the stop.</summary>
/// <param name="HealthFailure">Why Docker never reported it healthy (null: it did).</param>
public sealed record RunOutcome(
    string ContainerName,
    Exception? HealthFailure,
    HttpAnswer Root,
    HttpAnswer Healthz,
    ContainerState BeforeStop,
    StoppedContainer? Stopped,
    Exception? StopFailure);

/// <summary>An HTTP probe's body, or why there was none.</summary>
public sealed record HttpAnswer(int? Status, string Body, string? Error)
{
    public override string ToString() => Error is null ? $"HTTP {Status}: \"{Body}\"" : $"no answer: {Error}";
}

/// <summary>One input contract row's run: how the container ended (null when it served, or on failure) and what it said.</summary>
/// <param name="Failure">Why the run did not end as the row expects to observe it (never healthy, never exited).</param>
public sealed record InputOutcome(InputCase Row, ContainerState? Exited, string Logs, string? Failure)
{
    public string FirstLine => Logs.Split('\n')[0].TrimEnd('\r');
}

/// <summary>A container stopped while a client held a connection (Stopped is null when it never answered).</summary>
public sealed record LoadedStop(ClientLoad Load, HttpAnswer FirstAnswer, StoppedContainer? Stopped);
