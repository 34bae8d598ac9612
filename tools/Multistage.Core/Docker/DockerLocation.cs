namespace Multistage.Core.Docker;

/// <summary>
/// Which docker binary to run and which daemon it talks to. The 28.x client usually on PATH has no
/// buildx and refuses BuildKit, while Debian's 20.10 client at /usr/bin/docker drives it, so the
/// binary is chosen explicitly rather than left to PATH.
/// </summary>
public sealed record DockerLocation(string Binary, string? Host)
{
    public const string BinaryVariable = "MULTISTAGE_DOCKER";
    public const string HostVariable = "DOCKER_HOST";
    public const string DebianClient = "/usr/bin/docker";

    /// <summary>How a user starts the project's own daemon; quoted in every "no daemon" message.</summary>
    public const string StartHint = "export \"$(bash tools/docker/start-daemon.sh)\"";

    /// <summary>Reads MULTISTAGE_DOCKER and DOCKER_HOST from the process environment.</summary>
    public static DockerLocation FromEnvironment() =>
        Resolve(Environment.GetEnvironmentVariable, File.Exists);

    /// <summary>The rule, with its inputs passed in so it can be checked without touching the machine.</summary>
    public static DockerLocation Resolve(Func<string, string?> variable, Func<string, bool> fileExists)
    {
        var configured = variable(BinaryVariable);
        var binary = !string.IsNullOrWhiteSpace(configured) ? configured
            : fileExists(DebianClient) ? DebianClient
            : "docker";
        var host = variable(HostVariable);
        return new DockerLocation(binary, string.IsNullOrWhiteSpace(host) ? null : host);
    }

    public string Describe() => $"{Binary} (DOCKER_HOST={Host ?? "<unset: the client's default socket>"})";
}
