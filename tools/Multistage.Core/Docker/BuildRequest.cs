namespace Multistage.Core.Docker;

/// <summary>One `docker build`: the context folder, which Dockerfile in it, the tag and build arguments.</summary>
public sealed record BuildRequest(string ContextDirectory, string Dockerfile, string Tag)
{
    public IReadOnlyDictionary<string, string> BuildArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>Ignore the layer cache (a clean measurement); off by default so rebuilds stay fast.</summary>
    public bool NoCache { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Host: RUN steps use the host's network (an engine without a bridge network, and a
    /// local package index on the host's loopback). Bridge: the engine's default.</summary>
    public NetworkMode Network { get; init; } = NetworkMode.Bridge;

    /// <summary>Where to keep the plain build log (null: keep it in memory only).</summary>
    public string? LogFile { get; init; }

    /// <summary>Write the final stage's files into this folder (`--output type=local`) instead of tagging an
    /// image: for a build whose product is files, such as test results.</summary>
    public string? OutputDirectory { get; init; }

    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "build" };
        if (Network == NetworkMode.Host)
        {
            arguments.Add("--network=host");
        }

        arguments.AddRange(
        [
            // The plain log is what we parse for CACHED steps and show on failure.
            "--progress=plain",
            "-f", Path.Combine(ContextDirectory, Dockerfile),
        ]);
        // --output is a CSV list: a destination holding a comma or quote is quoted, its quotes doubled.
        arguments.AddRange(OutputDirectory is null
            ? ["-t", Tag]
            : ["--output", OutputDirectory.IndexOfAny([',', '"']) < 0 ? $"type=local,dest={OutputDirectory}" : $"type=local,\"dest={OutputDirectory.Replace("\"", "\"\"", StringComparison.Ordinal)}\""]);
        if (NoCache)
        {
            arguments.Add("--no-cache");
        }

        // Sorted so the same request always gives the same command line.
        foreach (var (name, value) in BuildArguments.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            arguments.Add("--build-arg");
            arguments.Add($"{name}={value}");
        }

        arguments.Add(ContextDirectory);
        return arguments;
    }
}
