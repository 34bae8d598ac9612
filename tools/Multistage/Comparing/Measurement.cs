using Multistage.Cli.Rendering;
using System.Text.Json.Serialization;

namespace Multistage.Cli.Comparing;

/// <summary>What <c>compare</c> measured for one image, all from <see cref="Multistage.Core.Pipeline.SampleRun"/>.</summary>
/// <param name="Variant">The runtime choice of a multi-stage image (custom: a final stage no choice uses), or single-stage.</param>
/// <param name="WarmRebuildSeconds">The rebuild after a source-only change (null: not rebuilt, as the template's other runtime choices).</param>
/// <param name="TimeToHealthySeconds">Start to Docker's first "healthy" (null: no HEALTHCHECK, as the single-stage file, or never healthy).</param>
/// <param name="ArtifactBytes">The runtime choice's artifact (its artifactPath: the binary, or the entry script) in the final image.</param>
/// <param name="HasShell">Whether the final image holds /bin/sh (null: not listed, the single-stage image).</param>
/// <param name="ToolchainFiles">Files the language's forbiddenPaths forbid in the final image: compiler, sources, caches.</param>
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
    double? WarmRebuildSeconds,
    double? TimeToHealthySeconds,
    long? ArtifactBytes,
    bool? HasShell,
    int? ToolchainFiles)
{
    public const string SingleStage = "single-stage";

    [JsonIgnore] public bool IsSingleStage => Dockerfile == "Dockerfile.single";

    [JsonIgnore] public double SizeMegabytes => SizeBytes / 1_000_000.0;

    // Formatted figures for the report templates.
    [JsonIgnore] public string Size => Format.Megabytes(SizeMegabytes);
    [JsonIgnore] public string Compressed => Format.Bytes(CompressedBytes);
    [JsonIgnore] public string ColdBuild => Format.Seconds(ColdBuildSeconds);
    [JsonIgnore] public string WarmRebuild => WarmRebuildSeconds is { } s ? Format.Seconds(s) : "-";
    [JsonIgnore] public string TimeToHealthy => TimeToHealthySeconds is { } s ? Format.Seconds(s) : IsSingleStage ? "- (no HEALTHCHECK)" : "never healthy";
    [JsonIgnore] public string Artifact => ArtifactBytes is { } b ? Format.Bytes(b) : "-";
    [JsonIgnore] public string Shell => HasShell switch { true => "yes", false => "no", null => "-" };
    [JsonIgnore] public string Bases => string.Join(", ", BaseImages.Select(b => $"`{b.Name}`"));
}

/// <summary>A base image named by a FROM line, its size, and whether it is the official image or a local stand-in.</summary>
public sealed record BaseImage(string Name, string? StandIn, long SizeBytes)
{
    [JsonIgnore] public string Set => StandIn is null ? "official" : "stand-in";
}

/// <summary>A runtime choice of a language that compare did not measure, and why (needs a registry, failed to build).</summary>
public sealed record NotMeasured(string Language, string DisplayName, string Variant, string Reason);

/// <summary>A build of the course's multi-stage sample with one claim's edit (<see cref="NotesClaims"/>), for
/// the figure the claim compares with: the binary without `-w -s`, say.</summary>
public sealed record ClaimBuild(string Claim, string Language, string DisplayName, string Variant, long SizeBytes, long? ArtifactBytes);

/// <summary>Where the figures were taken: they only compare within one machine, one base set and one
/// image store (which decides what Size counts: <see cref="Multistage.Core.Docker.ImageStore"/>).</summary>
public sealed record MachineDescription(string Os, string Cpu, int Cores, double MemoryGigabytes, string DockerServer, string ImageStore);

/// <summary>The whole result of one <c>compare</c> run: the one model every part of the report is a view of.</summary>
/// <param name="Templates">The template source the samples were recognised by (see TemplateSource.Description).</param>
/// <param name="Images">The course's own images: each language's single-stage and multi-stage image.</param>
/// <param name="RuntimeChoices">Each language's other runtime choices, as `seed --runtime LANG=CHOICE` writes them.</param>
public sealed record Comparison(
    MachineDescription Machine,
    string Templates,
    int Pulls,
    IReadOnlyList<ImageMeasurement> Images,
    IReadOnlyList<ImageMeasurement> RuntimeChoices,
    IReadOnlyList<NotMeasured> NotMeasured,
    IReadOnlyList<ClaimBuild> ClaimBuilds)
{
    /// <summary>"official", "stand-in" or "mixed": which base images produced the figures.</summary>
    public string BaseSet
    {
        get
        {
            var sets = Images.Concat(RuntimeChoices).SelectMany(i => i.BaseImages).Select(b => b.Set).Distinct().ToList();
            return sets.Count == 1 ? sets[0] : sets.Count == 0 ? "none (scratch only)" : "mixed";
        }
    }

    /// <summary>Every multi-stage image of a language, the course's and the other runtime choices.</summary>
    public IEnumerable<ImageMeasurement> MultiStage(string language) =>
        Images.Concat(RuntimeChoices).Where(i => i.Language == language && !i.IsSingleStage);

    public IEnumerable<string> Languages => Images.Select(i => i.Language).Distinct();
}
