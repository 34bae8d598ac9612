namespace Multistage.Core.Docker;

/// <summary>Whether a daemon answers and is new enough (<see cref="EngineRequirement"/>), and if not,
/// why and how to get one.</summary>
public sealed record DaemonStatus(bool Available, string? ServerVersion, string Problem)
{
    public static async Task<DaemonStatus> ProbeAsync(DockerCli docker, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
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

    private static DaemonStatus Missing(DockerLocation location, string said) =>
        new(false, null,
            $"No Docker daemon answers through {location.Describe()}: {said}. " +
            $"Fix: {DaemonStartHint.Current}.");

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
