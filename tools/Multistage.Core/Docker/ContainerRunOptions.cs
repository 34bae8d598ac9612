namespace Multistage.Core.Docker;

/// <summary>How to start a container, detached or to its end. Defaults are the hardened ones the tests expect of a
/// production image: read-only root, a writable /tmp only, no capabilities.</summary>
public sealed record ContainerRunOptions(string Image, string Name)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public NetworkMode Network { get; init; } = NetworkMode.Bridge;

    /// <summary>The app's port: published as 127.0.0.1:P:P on a bridge (nothing outside the machine
    /// reaches it), the host's own port on the host network.</summary>
    public int? Port { get; init; }

    /// <summary>Loopback only (--network none; takes precedence over <see cref="Network"/>): for a
    /// run that needs no client outside the container, such as one on a fixed port.</summary>
    public bool NoNetwork { get; init; }

    /// <summary>A production image must not need to write to its own file system.</summary>
    public bool ReadOnly { get; init; } = true;

    /// <summary>The one writable place, in memory (runtimes may want a temp folder).</summary>
    public string? Tmpfs { get; init; } = "/tmp";

    /// <summary>More writable places in memory, each as `--tmpfs` takes it (PATH[:OPTIONS]): the folders an app
    /// writes at start, where a volume would be mounted in production.</summary>
    public IReadOnlyList<string> MoreTmpfs { get; init; } = [];

    /// <summary>A web server on a port above 1024 needs no Linux capability at all.</summary>
    public bool DropAllCapabilities { get; init; } = true;

    /// <summary>Overrides the image's HEALTHCHECK interval, so a test need not wait 30 s for the first check.</summary>
    public TimeSpan? HealthInterval { get; init; }

    /// <summary>Arguments after the image (the image's CMD is replaced when non-empty).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>A container whose app serves on <paramref name="port"/> of the host's loopback in either
    /// mode: PORT and HOST (the templates' settings) say where it listens inside.</summary>
    public static ContainerRunOptions Serving(string image, string name, NetworkMode network, int port) =>
        new(image, name)
        {
            Network = network,
            Port = port,
            Environment = new Dictionary<string, string>
            {
                ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["HOST"] = network.ListenAddress(),
            },
        };

    /// <summary>`docker run --detach`: the container keeps running; watch, stop and remove it by name.</summary>
    public IReadOnlyList<string> ToArguments() => Arguments(["run", "--detach", "--name", Name]);

    private List<string> Arguments(List<string> arguments)
    {
        if (NoNetwork)
        {
            arguments.AddRange(["--network", "none"]);
        }
        else if (Network == NetworkMode.Host)
        {
            arguments.AddRange(["--network", "host"]);
        }
        else if (Port is { } port)
        {
            arguments.AddRange(["--publish", $"127.0.0.1:{port}:{port}"]);
        }

        if (ReadOnly)
        {
            arguments.Add("--read-only");
        }

        if (Tmpfs is not null)
        {
            arguments.AddRange(["--tmpfs", Tmpfs]);
        }

        foreach (var mount in MoreTmpfs)
        {
            arguments.AddRange(["--tmpfs", mount]);
        }

        if (DropAllCapabilities)
        {
            arguments.AddRange(["--cap-drop", "ALL"]);
        }

        if (HealthInterval is { } interval)
        {
            arguments.Add($"--health-interval={(int)Math.Max(1, interval.TotalMilliseconds)}ms");
        }


        foreach (var (name, value) in Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            arguments.AddRange(["--env", $"{name}={value}"]);
        }

        arguments.Add(Image);
        arguments.AddRange(Command);
        return arguments;
    }
}
