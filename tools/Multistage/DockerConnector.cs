using Multistage.Core.Docker;

namespace Multistage.Cli;

/// <summary>Opens the <see cref="DockerConnection"/> for a command: the real tool's reads MULTISTAGE_DOCKER and
/// DOCKER_HOST; a test's can name a daemon that is not there.</summary>
public sealed class DockerConnector(DockerLocation location, ErrorOutput errors)
{
    /// <summary>The connection, or the exit code after one error line (no daemon, or a bad MULTISTAGE_NETWORK).</summary>
    public async Task<(DockerConnection? Connection, int ExitCode)> OpenAsync(CancellationToken ct)
    {
        var docker = new DockerCli(location);
        var daemon = await DaemonStatus.ProbeAsync(docker, cancellationToken: ct);
        if (!daemon.Available)
        {
            errors.Line(daemon.Problem);
            return (null, ExitCodes.NoDaemon);
        }

        try
        {
            return (new DockerConnection(docker, daemon, await NetworkChoice.DetectAsync(docker, ct)), ExitCodes.Success);
        }
        catch (ArgumentException e)
        {
            errors.Line(e.Message);
            return (null, ExitCodes.BadInput);
        }
    }
}
