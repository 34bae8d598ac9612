namespace Multistage.Core.Dockerize;

/// <summary>The last path segments that name a health check, in the order the detectors prefer them when an
/// app has several (/healthz over /ping): one list for every language.</summary>
public static class HealthRoutes
{
    /// <summary>As a regular expression alternation, for the detectors' generated patterns.</summary>
    public const string Alternation = "healthz|health|livez|readyz|ready|live|healthcheck|health-check|ping";

    public static IReadOnlyList<string> Names { get; } = Alternation.Split('|');
}
