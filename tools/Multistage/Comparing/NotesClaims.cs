using Multistage.Core.Pipeline;

namespace Multistage.Cli.Comparing;

/// <summary>What a claim's figure is: bytes, a fraction, has-or-has-not (1 or 0), or a count.</summary>
public enum ClaimUnit
{
    Bytes,
    Fraction,
    Presence,
    Count,
}

/// <summary>
/// One figure the course notes give, with the line it is on, and how compare measures it.
/// </summary>
/// <param name="Line">Its line in the course notes (<see cref="NotesClaims.NotesFile"/>).</param>
/// <param name="Quote">The notes' own words.</param>
/// <param name="Low">The notes' figure, or the low end of their range, in <paramref name="Unit"/>.</param>
/// <param name="High">The high end (the figure again when the notes give one).</param>
/// <param name="Measure">The measured figures it is compared with, one per image or language it applies to.</param>
public sealed record NotesClaim(string Id, int Line, string Quote, ClaimUnit Unit, double Low, double High, Func<Comparison, IEnumerable<ClaimFigure>> Measure)
{
    /// <summary>A change to the course's multi-stage sample whose build gives the figure to compare with
    /// (the pitfalls' edit mechanism); samples that do not hold its text are not built.</summary>
    public PitfallEdit? Edit { get; init; }
}

/// <summary>A measured figure and what it was measured on ("Go (scratch)", an image name).</summary>
public sealed record ClaimFigure(string AppliesTo, double Value);

/// <summary>
/// The course notes' figures, each stated here once: compare's report puts the measured figure beside
/// each one. The notes only ever measured Go; the figures are applied to every language the claim
/// makes sense for, so the report shows where the lesson carries over and where it does not.
/// </summary>
public static class NotesClaims
{
    public const string NotesFile = "multi-stage-builds-solution-notes.md";

    /// <summary>Line 138: "In a 100-pod deployment".</summary>
    public const int Pods = 100;

    /// <summary>The notes' -ldflags, removed for the build it is compared with.</summary>
    public static readonly PitfallEdit WithoutStripFlags = new("Dockerfile", " -ldflags=\"-w -s\"", "");

    // Line 134 ("golang:1.21 (1GB), runtime can use alpine (7MB)") repeats lines 8 and 76 and is left out.
    public static readonly IReadOnlyList<NotesClaim> All =
    [
        new("single-stage", 13, "Result: ~1.0-1.2GB image", ClaimUnit.Bytes, 1.0e9, 1.2e9,
            c => c.Images.Where(i => i.IsSingleStage).Select(i => new ClaimFigure(i.DisplayName, i.SizeBytes))),
        new("builder-base", 8, "FROM golang:1.21 # ~800MB base image", ClaimUnit.Bytes, 800e6, 800e6,
            c => c.Images.Where(i => i.IsSingleStage && i.BaseImages.Count > 0)
                .Select(i => new ClaimFigure($"{i.DisplayName}: `{i.BaseImages[0].Name}`", i.BaseImages[0].SizeBytes))),
        new("alpine-image", 42, "Multi-stage (Alpine) | alpine:3.18 | ~15MB", ClaimUnit.Bytes, 15e6, 15e6,
            c => OnRuntime(c, "alpine").Select(i => Figure(i, i.SizeBytes))),
        new("scratch-image", 43, "Multi-stage (Scratch) | scratch | ~10MB", ClaimUnit.Bytes, 10e6, 10e6,
            c => OnRuntime(c, "scratch").Select(i => Figure(i, i.SizeBytes))),
        new("binary", 13, "for a ~10MB binary", ClaimUnit.Bytes, 10e6, 10e6,
            c => OnRuntime(c, "scratch").Where(i => i.ArtifactBytes is not null).Select(i => Figure(i, i.ArtifactBytes!.Value))),
        new("strip-flags", 66, "-ldflags=\"-w -s\": Result: 20-30% smaller binary", ClaimUnit.Fraction, 0.20, 0.30, StripSaving)
        {
            Edit = WithoutStripFlags,
        },
        new("alpine-base", 76, "Alpine: ~7MB base", ClaimUnit.Bytes, 7e6, 7e6,
            c => OnRuntime(c, "alpine").Where(i => i.BaseImages.Count > 0).Select(i => i.BaseImages[^1]).DistinctBy(b => b.Name)
                .Select(b => new ClaimFigure($"`{b.Name}`", b.SizeBytes))),
        new("scratch-base", 86, "Scratch: Literally 0MB base", ClaimUnit.Bytes, 0, 0,
            c => OnRuntime(c, "scratch").Where(i => i.ArtifactBytes is not null).Select(i => Figure(i, i.SizeBytes - i.ArtifactBytes!.Value))),
        new("alpine-shell", 73, "Alpine: Has a shell (/bin/sh) for debugging", ClaimUnit.Presence, 1, 1,
            c => OnRuntime(c, "alpine").Where(i => i.HasShell is not null).Select(i => Figure(i, i.HasShell == true ? 1 : 0))),
        new("scratch-shell", 91, "Scratch: No shell - can't `docker exec` into it", ClaimUnit.Presence, 0, 0,
            c => OnRuntime(c, "scratch").Where(i => i.HasShell is not null).Select(i => Figure(i, i.HasShell == true ? 1 : 0))),
        new("no-compiler", 136, "No compiler in production", ClaimUnit.Count, 0, 0,
            c => c.Images.Where(i => !i.IsSingleStage && i.ToolchainFiles is not null).Select(i => Figure(i, i.ToolchainFiles!.Value))),
        new("pods-single", 139, "100-pod deployment: Single-stage: 120GB network transfer", ClaimUnit.Bytes, 120e9, 120e9,
            c => c.Images.Where(i => i.IsSingleStage).Select(i => new ClaimFigure(i.DisplayName, (double)i.CompressedBytes * Pods))),
        new("pods-multi", 140, "100-pod deployment: Multi-stage: 1.5GB network transfer", ClaimUnit.Bytes, 1.5e9, 1.5e9,
            c => c.Images.Where(i => !i.IsSingleStage).Select(i => Figure(i, (double)i.CompressedBytes * Pods))),
        new("pods-reduction", 141, "98.75% reduction!", ClaimUnit.Fraction, 0.9875, 0.9875, TransferReduction),
    ];

    /// <summary>Multi-stage images (the course's and the other choices) whose runtime choice has this name.</summary>
    private static IEnumerable<ImageMeasurement> OnRuntime(Comparison comparison, string runtime) =>
        comparison.Languages.SelectMany(comparison.MultiStage).Where(i => i.Variant == runtime);

    private static ClaimFigure Figure(ImageMeasurement image, double value) => new($"{image.DisplayName} on {image.Variant}", value);

    /// <summary>How much smaller the course's binary is than the same build without the flags.</summary>
    private static IEnumerable<ClaimFigure> StripSaving(Comparison comparison) =>
        from build in comparison.ClaimBuilds
        where build.Claim == "strip-flags" && build.ArtifactBytes is > 0
        join image in comparison.Images.Where(i => !i.IsSingleStage) on build.Language equals image.Language
        where image.ArtifactBytes is not null
        select new ClaimFigure($"{image.DisplayName} on {image.Variant}", 1 - ((double)image.ArtifactBytes!.Value / build.ArtifactBytes!.Value));

    /// <summary>What each pull saves: compressed multi-stage against compressed single-stage.</summary>
    private static IEnumerable<ClaimFigure> TransferReduction(Comparison comparison) =>
        from single in comparison.Images.Where(i => i.IsSingleStage)
        join multi in comparison.Images.Where(i => !i.IsSingleStage) on single.Language equals multi.Language
        select new ClaimFigure($"{multi.DisplayName} on {multi.Variant}", 1 - ((double)multi.CompressedBytes / single.CompressedBytes));
}
