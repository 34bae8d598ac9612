using Multistage.Core.Docker;

namespace Multistage.Cli;

/// <summary>A daemon that answers and is new enough, and the network mode builds and containers use
/// on it: what every command that builds images needs before it starts.</summary>
public sealed record DockerConnection(DockerCli Docker, DaemonStatus Daemon, NetworkMode Network)
{
    /// <summary>The connection, or the exit code after one error line (no daemon, or a bad MULTISTAGE_NETWORK).</summary>
    public static async Task<(DockerConnection? Connection, int ExitCode)> OpenAsync(CancellationToken ct)
    {
        var docker = DockerCli.FromEnvironment();
        var daemon = await DaemonStatus.ProbeAsync(docker, cancellationToken: ct);
        if (!daemon.Available)
        {
            ErrorOutput.Line(daemon.Problem);
            return (null, ExitCodes.NoDaemon);
        }

        try
        {
            return (new DockerConnection(docker, daemon, await NetworkChoice.DetectAsync(docker, ct)), ExitCodes.Success);
        }
        catch (ArgumentException e)
        {
            ErrorOutput.Line(e.Message);
            return (null, ExitCodes.BadInput);
        }
    }
}
