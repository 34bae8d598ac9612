namespace Multistage.Core.Docker;

/// <summary>How builds and containers reach the network.</summary>
public enum NetworkMode
{
    /// <summary>The engine's default: builds get their own network, a container's port is published on
    /// 127.0.0.1. What works on Docker Desktop (where the host network is a VM's) and on ordinary Linux.</summary>
    Bridge,

    /// <summary>The host's network, for an engine without a bridge network (this project's CI).</summary>
    Host,
}

/// <summary>
/// Chooses the <see cref="NetworkMode"/>: MULTISTAGE_NETWORK=host|bridge decides, else (unset or
/// auto) the engine's own answer: bridge when it has a network named bridge, host when it has none.
/// </summary>
public static class NetworkChoice
{
    public const string Variable = "MULTISTAGE_NETWORK";

    /// <summary>The rule, with its inputs passed in so it can be checked without a daemon.</summary>
    public static NetworkMode Decide(string? setting, Func<bool> engineHasBridge) =>
        (setting ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "auto" => engineHasBridge() ? NetworkMode.Bridge : NetworkMode.Host,
            "host" => NetworkMode.Host,
            "bridge" => NetworkMode.Bridge,
            _ => throw new ArgumentException(
                $"{Variable}={setting} is not a network mode: set it to host (an engine without a bridge network), " +
                "bridge (publish ports on 127.0.0.1) or auto (ask the engine), or unset it."),
        };

    /// <summary>Reads MULTISTAGE_NETWORK and, only when it leaves the choice open, asks the engine.</summary>
    public static async Task<NetworkMode> DetectAsync(DockerCli docker, CancellationToken cancellationToken = default)
    {
        var setting = Environment.GetEnvironmentVariable(Variable);
        var hasBridge = false;
        if (setting is null || setting.Trim().Length == 0 || setting.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            var probe = await docker.RunAsync(["network", "inspect", "--format", "{{.Name}}", "bridge"],
                TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
            hasBridge = probe.Succeeded;
        }

        return Decide(setting, () => hasBridge);
    }

    /// <summary>Where an app in a container listens: on the host network only loopback (nothing
    /// reaches it from outside); on a bridge every interface of its own namespace, which the
    /// 127.0.0.1 publish alone exposes.</summary>
    public static string ListenAddress(this NetworkMode mode) => mode == NetworkMode.Host ? "127.0.0.1" : "0.0.0.0";
}
