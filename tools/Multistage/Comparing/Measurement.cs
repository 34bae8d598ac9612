using System.Text.Json.Serialization;

namespace Multistage.Cli.Comparing;

/// <summary>What <c>compare</c> measured for one image.</summary>
public sealed record ImageMeasurement(
    string Language,
    string DisplayName,
    string Variant,
    string Dockerfile,
    string Tag,
    IReadOnlyList<BaseImage> BaseImages,
    long SizeBytes,
    long CompressedBytes,
    int Layers,
    double ColdBuildSeconds,
    double WarmRebuildSeconds,
    double StartToHealthySeconds)
{
    [JsonIgnore] public double SizeMegabytes => SizeBytes / 1_000_000.0;

    // Formatted figures for the report templates.
    [JsonIgnore] public string Size => Format.Megabytes(SizeMegabytes);
    [JsonIgnore] public string Compressed => Format.Bytes(CompressedBytes);
    [JsonIgnore] public string ColdBuild => Format.Seconds(ColdBuildSeconds);
    [JsonIgnore] public string WarmRebuild => Format.Seconds(WarmRebuildSeconds);
    [JsonIgnore] public string StartToHealthy => Format.Seconds(StartToHealthySeconds);
    [JsonIgnore] public string Bases => string.Join(", ", BaseImages.Select(b => $"`{b.Name}`"));
}

/// <summary>A base image named by a FROM line, and whether it is the official image or a local stand-in.</summary>
public sealed record BaseImage(string Name, string? StandIn)
{
    [JsonIgnore] public string Set => StandIn is null ? "official" : "stand-in";
}

/// <summary>Where the figures were taken: they only compare within one machine, one base set and one
/// image store (which decides what Size counts: <see cref="Multistage.Core.Docker.ImageStore"/>).</summary>
public sealed record MachineDescription(string Os, string Cpu, int Cores, double MemoryGigabytes, string DockerServer, string ImageStore);

/// <summary>The whole result of one <c>compare</c> run.</summary>
/// <param name="Templates">The template source the samples were recognised by (see TemplateSource.Description).</param>
public sealed record Comparison(MachineDescription Machine, string Templates, int Pulls, IReadOnlyList<ImageMeasurement> Images)
{
    /// <summary>"official", "stand-in" or "mixed": which base images produced the figures.</summary>
    public string BaseSet
    {
        get
        {
            var sets = Images.SelectMany(i => i.BaseImages).Select(b => b.Set).Distinct().ToList();
            return sets.Count == 1 ? sets[0] : sets.Count == 0 ? "none (scratch only)" : "mixed";
        }
    }
}
