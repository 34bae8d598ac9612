namespace Multistage.Core.Docker;

/// <summary>How to start a container detached. Defaults are the hardened ones the tests expect of a
/// production image: host network, read-only root, a writable /tmp only, no capabilities.</summary>
public sealed record ContainerRunOptions(string Image, string Name)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>There is no bridge network on this machine; the app binds to a host port.</summary>
    public bool HostNetwork { get; init; } = true;

    /// <summary>Loopback only (--network none; takes precedence over <see cref="HostNetwork"/>): for a
    /// run that needs no client outside the container, such as one on a fixed port.</summary>
    public bool NoNetwork { get; init; }

    /// <summary>A production image must not need to write to its own file system.</summary>
    public bool ReadOnly { get; init; } = true;

    /// <summary>The one writable place, in memory (runtimes may want a temp folder).</summary>
    public string? Tmpfs { get; init; } = "/tmp";

    /// <summary>A web server on a port above 1024 needs no Linux capability at all.</summary>
    public bool DropAllCapabilities { get; init; } = true;

    /// <summary>Overrides the image's HEALTHCHECK interval, so a test need not wait 30 s for the first check.</summary>
    public TimeSpan? HealthInterval { get; init; }

    /// <summary>Bind mounts, as --volume takes them ("/host/path:/container/path").</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];

    /// <summary>Arguments after the image (the image's CMD is replaced when non-empty).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "run", "--detach", "--name", Name };
        if (NoNetwork)
        {
            arguments.AddRange(["--network", "none"]);
        }
        else if (HostNetwork)
        {
            arguments.AddRange(["--network", "host"]);
        }

        if (ReadOnly)
        {
            arguments.Add("--read-only");
        }

        if (Tmpfs is not null)
        {
            arguments.AddRange(["--tmpfs", Tmpfs]);
        }

        if (DropAllCapabilities)
        {
            arguments.AddRange(["--cap-drop", "ALL"]);
        }

        if (HealthInterval is { } interval)
        {
            arguments.Add($"--health-interval={(int)Math.Max(1, interval.TotalMilliseconds)}ms");
        }

        foreach (var volume in Volumes)
        {
            arguments.AddRange(["--volume", volume]);
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
