using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Multistage.Core.Docker;

/// <summary>The parts of `docker inspect`'s State that tests and reports use.</summary>
/// <param name="Status">created, running, exited, ...</param>
/// <param name="Health">starting, healthy, unhealthy, or null when the image has no HEALTHCHECK.</param>
/// <param name="HealthLog">The output of the last health checks, oldest first.</param>
/// <param name="FinishedAt">When the daemon saw the process exit; null while it has never exited.</param>
public sealed record ContainerState(string Status, bool Running, int ExitCode, string? Health, IReadOnlyList<string> HealthLog,
    DateTimeOffset? FinishedAt = null)
{
    public static ContainerState Parse(string stateJson)
    {
        using var document = JsonDocument.Parse(stateJson);
        var state = document.RootElement;
        string? health = null;
        var log = new List<string>();
        if (state.TryGetProperty("Health", out var healthElement) && healthElement.ValueKind == JsonValueKind.Object)
        {
            health = healthElement.GetProperty("Status").GetString();
            if (healthElement.TryGetProperty("Log", out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                log.AddRange(entries.EnumerateArray().Select(entry =>
                    $"exit {entry.GetProperty("ExitCode").GetInt32()}: {entry.GetProperty("Output").GetString()?.Trim()}"));
            }
        }

        return new ContainerState(
            state.GetProperty("Status").GetString() ?? "",
            state.GetProperty("Running").GetBoolean(),
            state.GetProperty("ExitCode").GetInt32(),
            health,
            log,
            state.TryGetProperty("FinishedAt", out var finished) ? ParseDaemonTime(finished.GetString()) : null);
    }

    /// <summary>Docker writes RFC 3339 with nanoseconds (.NET parses at most 7 digits) and year 1 for "never".</summary>
    private static DateTimeOffset? ParseDaemonTime(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.StartsWith("0001-", StringComparison.Ordinal))
        {
            return null;
        }

        var trimmed = Regex.Replace(text, @"(\.\d{7})\d+", "$1");
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }
}
