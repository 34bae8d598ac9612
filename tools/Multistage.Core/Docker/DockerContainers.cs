using System.Diagnostics;
using System.Globalization;

namespace Multistage.Core.Docker;

/// <summary>Starts, watches, stops and removes containers.</summary>
public sealed class DockerContainers(DockerCli docker)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task RunDetachedAsync(ContainerRunOptions options, CancellationToken cancellationToken = default) =>
        await docker.RunCheckedAsync($"Starting container {options.Name} from {options.Image}", options.ToArguments(),
            cancellationToken: cancellationToken);

    /// <summary>
    /// Runs a container to its end: started detached, waited for (`docker wait` gives its exit status),
    /// then its output read from the log driver and the container removed. Both output streams, as
    /// <see cref="LogsAsync"/> gives them. A run that failed with no output at all is run once more: under
    /// CI's load the engine twice dropped the whole output of a static binary that refused its input within
    /// a millisecond (attached with `docker run --rm` and read from the log driver alike: exit 1 or 2 and
    /// nothing); an app that really prints nothing prints nothing again. A container still running at the
    /// timeout is removed.
    /// </summary>
    public async Task<ExitedContainer> RunToExitAsync(ContainerRunOptions options, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exited = await RunOnceToExitAsync(options, timeout, cancellationToken);
        return exited.ExitCode != 0 && exited.Output.Length == 0 ? await RunOnceToExitAsync(options, timeout, cancellationToken) : exited;
    }

    private async Task<ExitedContainer> RunOnceToExitAsync(ContainerRunOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await RunDetachedAsync(options, cancellationToken);
        try
        {
            var waited = await docker.RunAsync(["wait", options.Name], timeout, cancellationToken: cancellationToken);
            if (waited.TimedOut)
            {
                throw new InvalidOperationException($"Container {options.Name} was still running after {timeout.TotalSeconds:F0} s.\n{waited.Describe()}");
            }

            if (waited.ExitCode != 0 || !int.TryParse(waited.StandardOutput.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exitCode))
            {
                throw new InvalidOperationException($"docker wait {options.Name} gave no exit status.\n{waited.Describe()}");
            }

            return new ExitedContainer(options.Name, exitCode, await LogsAsync(options.Name, cancellationToken));
        }
        finally
        {
            // Not the caller's token: a cancelled run must still remove its container.
            await RemoveAsync(options.Name, CancellationToken.None);
        }
    }

    /// <summary>Copies a host folder's contents into a container (created if missing). Through the API, so
    /// it works where bind mounts do not: a daemon in its own root (the project's Engine 28), a VM (Docker Desktop).</summary>
    public async Task CopyInAsync(string name, string hostFolder, string containerFolder, CancellationToken cancellationToken = default) =>
        await docker.RunCheckedAsync($"Copying {hostFolder} into {name}:{containerFolder}",
            ["cp", Path.Combine(hostFolder, "."), $"{name}:{containerFolder}"], cancellationToken: cancellationToken);

    /// <summary>Copies a container folder's contents (also of a stopped container) into a host folder.</summary>
    public async Task CopyOutAsync(string name, string containerFolder, string hostFolder, CancellationToken cancellationToken = default) =>
        await docker.RunCheckedAsync($"Copying {name}:{containerFolder} to {hostFolder}",
            ["cp", $"{name}:{containerFolder.TrimEnd('/')}/.", hostFolder], cancellationToken: cancellationToken);

    public async Task<ContainerState> StateAsync(string name, CancellationToken cancellationToken = default)
    {
        var result = await docker.RunCheckedAsync($"Inspecting container {name}",
            ["container", "inspect", "--format", "{{json .State}}", name], cancellationToken: cancellationToken);
        return ContainerState.Parse(result.StandardOutput);
    }

    /// <summary>Both streams of the container's output, as the app wrote them.</summary>
    public async Task<string> LogsAsync(string name, CancellationToken cancellationToken = default)
    {
        var result = await docker.RunAsync(["logs", name], cancellationToken: cancellationToken);
        return (result.StandardOutput + result.StandardError).Trim();
    }

    /// <summary>
    /// Polls Docker's own health status until the image's HEALTHCHECK reports healthy. Fails early when
    /// the container exits or turns unhealthy, and on timeout; the message carries the health log and
    /// the container's output.
    /// </summary>
    public async Task<ContainerState> WaitUntilHealthyAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = await StateAsync(name, cancellationToken);
            if (state.Health is null)
            {
                throw await FailureAsync(name, state, "has no HEALTHCHECK, so Docker cannot report it healthy", cancellationToken);
            }

            if (state.Health == "healthy")
            {
                return state;
            }

            if (!state.Running || state.Health == "unhealthy")
            {
                throw await FailureAsync(name, state, $"became {(state.Running ? "unhealthy" : $"{state.Status} (exit {state.ExitCode})")}", cancellationToken);
            }

            if (clock.Elapsed > timeout)
            {
                throw await FailureAsync(name, state, $"was not healthy after {timeout.TotalSeconds:F0} s (health: {state.Health})", cancellationToken);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Waits for a container to exit by itself (e.g. an app refusing bad configuration).</summary>
    public async Task<ContainerState> WaitUntilExitedAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = await StateAsync(name, cancellationToken);
            if (!state.Running && state.Status != "created")
            {
                return state;
            }

            if (clock.Elapsed > timeout)
            {
                throw await FailureAsync(name, state, $"was still {state.Status} after {timeout.TotalSeconds:F0} s", cancellationToken);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// `docker stop` (SIGTERM, then SIGKILL after the grace period) and what came of it. The duration is
    /// the app's own, by the daemon's clock: from the signal (its kill event) to the exit (FinishedAt), so
    /// a busy machine's slow docker CLI does not count against the app. Where the daemon no longer has
    /// the event (it keeps a few hundred), the wall time of the whole call stands in.
    /// </summary>
    public async Task<StoppedContainer> StopAsync(string name, int graceSeconds = 10, CancellationToken cancellationToken = default)
    {
        var asked = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await docker.RunCheckedAsync($"Stopping container {name}",
            ["stop", "--time", graceSeconds.ToString(CultureInfo.InvariantCulture), name],
            TimeSpan.FromSeconds(graceSeconds + 30), cancellationToken: cancellationToken);
        var wall = clock.Elapsed;
        var state = await StateAsync(name, cancellationToken);
        var signalled = await FirstKillEventAsync(name, asked, cancellationToken);
        var appTook = state.FinishedAt - signalled;
        var took = appTook is { } span && span >= TimeSpan.Zero && span <= wall ? span : wall;
        return new StoppedContainer(name, state.ExitCode, took, await LogsAsync(name, cancellationToken));
    }

    /// <summary>When the daemon first signalled the container after <paramref name="since"/>, or null.</summary>
    private async Task<DateTimeOffset?> FirstKillEventAsync(string name, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // A second of slack for a daemon whose clock differs slightly from ours (a VM); names are unique per run.
        var result = await docker.RunAsync(
            ["events", "--since", UnixSeconds(since - TimeSpan.FromSeconds(1)), "--until", UnixSeconds(DateTimeOffset.UtcNow), "--filter", $"container={name}", "--filter", "event=kill", "--format", "{{.TimeNano}}"],
            TimeSpan.FromSeconds(15), cancellationToken: cancellationToken);
        var first = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return result.ExitCode == 0 && long.TryParse(first, out var nanoseconds)
            ? DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100)
            : null;
    }

    private static string UnixSeconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>Removes the container whatever its state; a missing container is not an error.</summary>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        await docker.RunAsync(["rm", "--force", "--volumes", name], cancellationToken: cancellationToken);

    private async Task<Exception> FailureAsync(string name, ContainerState state, string what, CancellationToken cancellationToken)
    {
        var health = state.HealthLog.Count == 0 ? "  (none)" : string.Join('\n', state.HealthLog.Select(line => "  " + line));
        var logs = await LogsAsync(name, cancellationToken);
        return new InvalidOperationException(
            $"Container {name} {what}.\nHealth log:\n{health}\nContainer output:\n{(logs.Length == 0 ? "  (none)" : logs)}");
    }
}
