namespace Multistage.Core.Docker;

/// <summary>
/// Which docker binary to run and which daemon it talks to: MULTISTAGE_DOCKER (the client the
/// project's engine set-up links, with Buildx and Compose v2 in DOCKER_CONFIG) or else `docker` on
/// PATH, and DOCKER_HOST.
/// </summary>
public sealed record DockerLocation(string Binary, string? Host)
{
    public const string BinaryVariable = "MULTISTAGE_DOCKER";
    public const string HostVariable = "DOCKER_HOST";

    /// <summary>Reads MULTISTAGE_DOCKER and DOCKER_HOST from the process environment.</summary>
    public static DockerLocation FromEnvironment() => Resolve(Environment.GetEnvironmentVariable);

    /// <summary>The rule, with its input passed in so it can be checked without touching the machine.</summary>
    public static DockerLocation Resolve(Func<string, string?> variable)
    {
        var configured = variable(BinaryVariable);
        var binary = !string.IsNullOrWhiteSpace(configured) ? configured : "docker";
        var host = variable(HostVariable);
        return new DockerLocation(binary, string.IsNullOrWhiteSpace(host) ? null : host) { BinaryFromVariable = !string.IsNullOrWhiteSpace(configured) };
    }

    /// <summary>The binary was named by MULTISTAGE_DOCKER (so a missing one is fixed there, not by installing Docker).</summary>
    public bool BinaryFromVariable { get; init; }

    public string Describe() => $"{Binary} (DOCKER_HOST={Host ?? "<unset: the client's default socket>"})";
}
