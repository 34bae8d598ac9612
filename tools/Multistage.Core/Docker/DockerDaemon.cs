using Multistage.Core.Processes;

namespace Multistage.Core.Docker;

/// <summary>Whether a daemon answers and is new enough (<see cref="EngineRequirement"/>), and if not,
/// why and how to get one.</summary>
public sealed record DaemonStatus(bool Available, string? ServerVersion, string Problem)
{
    public static async Task<DaemonStatus> ProbeAsync(DockerCli docker, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (MissingBinary(docker.Location) is { } missing)
        {
            return new DaemonStatus(false, null, missing);
        }

        try
        {
            // `version` needs the server to answer; the format string keeps the output to one token.
            var result = await docker.RunAsync(
                ["version", "--format", "{{.Server.Version}}"],
                timeout ?? TimeSpan.FromSeconds(10),
                cancellationToken: cancellationToken);
            if (result.Succeeded && !string.IsNullOrWhiteSpace(result.StandardOutput))
            {
                var version = result.StandardOutput.Trim();
                return EngineRequirement.Problem(version, docker.Location) is { } tooOld
                    ? new DaemonStatus(false, version, tooOld)
                    : new DaemonStatus(true, version, "");
            }

            var said = result.TimedOut ? "no answer in time" : FirstLine(result.StandardError);
            return Missing(docker.Location, said.TrimEnd('.', '?'));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            // The binary itself is missing or cannot start.
            return Missing(docker.Location, e.Message);
        }
    }

    /// <summary>No program where the client should be: the fix is the client, not starting a daemon.</summary>
    private static string? MissingBinary(DockerLocation location)
    {
        var found = location.Binary.Contains('/') ? (File.Exists(location.Binary) ? location.Binary : null) : ProcessRunner.FindOnPath(location.Binary);
        if (found is not null)
        {
            return null;
        }

        return location.BinaryFromVariable
            ? $"{DockerLocation.BinaryVariable}={location.Binary} names no program. Fix: set {DockerLocation.BinaryVariable} to the full path of a docker client, or unset it to use `docker` from PATH."
            : $"There is no `{location.Binary}` on PATH. Fix: install the Docker CLI (Docker Desktop, or the docker-ce-cli package), or set {DockerLocation.BinaryVariable} to a docker client's full path.";
    }

    private static DaemonStatus Missing(DockerLocation location, string said) =>
        new(false, null,
            $"No Docker daemon answers through {location.Describe()}: {said}. " +
            $"Fix: {DaemonStartHint.Current}.");

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
