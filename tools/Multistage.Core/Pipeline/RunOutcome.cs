using Multistage.Core.Docker;

namespace Multistage.Core.Pipeline;

/// <summary>What one hardened run of the multi-stage image showed: health, the answers on / and on the health path, the stop.</summary>
/// <param name="HealthFailure">Why Docker never reported it healthy (null: it did).</param>
public sealed record RunOutcome(
    string ContainerName,
    Exception? HealthFailure,
    HttpAnswer Root,
    HttpAnswer Health,
    ContainerState BeforeStop,
    StoppedContainer? Stopped,
    Exception? StopFailure)
{
    /// <summary>From `docker run` to Docker's first "healthy" (null: never), polled every 250 ms with the
    /// HEALTHCHECK's interval shortened to 1 s, so it is exact to about a second.</summary>
    public TimeSpan? TimeToHealthy { get; init; }

    /// <summary>The path <see cref="Health"/> asked for (the samples' /healthz, or the one init found).</summary>
    public string HealthPath { get; init; } = "/healthz";

    /// <summary>The port the app was probed on.</summary>
    public int Port { get; init; }
}

/// <summary>An HTTP probe's body, or why there was none.</summary>
public sealed record HttpAnswer(int? Status, string Body, string? Error)
{
    public override string ToString() => Error is null ? $"HTTP {Status}: \"{Body}\"" : $"no answer: {Error}";
}
