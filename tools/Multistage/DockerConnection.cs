using Multistage.Core.Docker;

namespace Multistage.Cli;

/// <summary>A daemon that answers and is new enough, and the network mode builds and containers use
/// on it: what every command that builds images needs before it starts.</summary>
public sealed record DockerConnection(DockerCli Docker, DaemonStatus Daemon, NetworkMode Network);
