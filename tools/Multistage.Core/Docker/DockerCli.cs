using Multistage.Core.Processes;

namespace Multistage.Core.Docker;

/// <summary>
/// Runs the docker client against one daemon. Every call has a timeout and keeps the output, so a
/// failure message can show what Docker said. The higher-level classes (builds, containers, images)
/// are thin layers over this one.
/// </summary>
public sealed class DockerCli(DockerLocation location)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public DockerLocation Location { get; } = location;

    public static DockerCli FromEnvironment() => new(DockerLocation.FromEnvironment());

    /// <summary>Runs docker with the arguments; never throws for a non-zero exit.</summary>
    public Task<ProcessResult> RunAsync(
        IReadOnlyList<string> arguments,
        TimeSpan? timeout = null,
        Stream? standardOutputSink = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            // BuildKit prints per-step CACHED lines and understands multi-stage pruning; the legacy
            // builder does neither. (The default since Engine 23; said so for older clients.)
            ["DOCKER_BUILDKIT"] = "1",
        };
        if (Location.Host is not null)
        {
            variables[DockerLocation.HostVariable] = Location.Host;
        }

        var spec = new ProcessSpec(Location.Binary, arguments.ToArray())
        {
            Environment = variables,
            Timeout = timeout ?? DefaultTimeout,
            StandardOutputSink = standardOutputSink,
            WorkingDirectory = workingDirectory,
        };
        return ProcessRunner.RunAsync(spec, cancellationToken);
    }

    /// <summary>Runs docker and throws <see cref="DockerCommandException"/> unless it succeeded.</summary>
    public async Task<ProcessResult> RunCheckedAsync(
        string what,
        IReadOnlyList<string> arguments,
        TimeSpan? timeout = null,
        Stream? standardOutputSink = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(arguments, timeout, standardOutputSink, null, cancellationToken);
        return result.Succeeded ? result : throw new DockerCommandException(what, result);
    }
}
