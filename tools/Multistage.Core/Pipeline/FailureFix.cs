using System.Globalization;

namespace Multistage.Core.Pipeline;

/// <summary>The fix for a failed check when the run shows a cause the check's own hint does not cover: the
/// hint assumes the usual one (not listening on 0.0.0.0, a HEALTHCHECK on the wrong route, a handler that
/// ignores SIGTERM), which sends a reader the wrong way when the app crashed at start or answers elsewhere.</summary>
public static class FailureFix
{
    /// <summary>For every run check when the container exited by itself before `docker stop`.</summary>
    public const string EarlyExit =
        "Fix what its output names (often a setting, secret or connection string the app needs at start: pass it with " +
        "docker run -e NAME=value, or give it a default), then run the check again: the run's other failures follow from this one.";

    /// <summary>A project's app that answers HTTP on its port, but not 2xx on the health path: the route is the
    /// problem, not the listening address. Null for the samples (their /healthz is fixed) and when nothing answered.</summary>
    public static string? ForAnswers(RunOutcome outcome, ServingContract contract)
    {
        if (contract.HealthBody is not null || outcome.Health.Status is not { } status)
        {
            return null;
        }

        var answered = string.Create(CultureInfo.InvariantCulture, $"The app answers on port {outcome.Port}, but {outcome.HealthPath} gave {status}");
        return answered + ": point the health path at a route that answers 2xx with no login, parameter or database " +
               "(init --set health-path=/route), or add one such as /healthz.";
    }
}
