using System.Globalization;
using Multistage.Core.Pipeline;

namespace Multistage.Core.Dockerize;

/// <summary>How a project init wrote Docker files for serves, from the item template's values (read from the
/// code, given with --set, or the template's defaults): what `init --verify` runs and probes.</summary>
public static class ProjectServing
{
    /// <summary>0 for an app that handles SIGTERM itself; 143 (128 + 15) when tini forwards SIGTERM to an app
    /// without a handler and reports the signal: both are a prompt, clean stop.</summary>
    public static readonly IReadOnlyList<int> CleanExitCodes = [0, 143];

    /// <param name="values">Every item template option's value by its long name (port, port-variable,
    /// health-path, writable), defaults included.</param>
    public static ServingContract Contract(IReadOnlyDictionary<string, string> values)
    {
        // The port the Dockerfile's ENV and EXPOSE name: the image is run as written, as a user runs it.
        int? port = values.TryGetValue("port", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
        return new ServingContract(
            port,
            Value(values, "port-variable") ?? "PORT",
            Value(values, "health-path") ?? "/",
            // Any 2xx: a project's health route answers what it likes ("Healthy", JSON, an empty body).
            HealthBody: null,
            CleanExitCodes,
            // init writes no HEALTHCHECK where the final image has nothing to probe with (scratch, distroless static).
            HealthcheckRequired: false,
            (Value(values, "writable") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string? Value(IReadOnlyDictionary<string, string> values, string option) =>
        values.TryGetValue(option, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
}
