using Multistage.Cli.Comparing;

namespace Generator.Tests.Comparing;

/// <summary>A made-up compare result (no Docker) whose figures the tests work out by hand: Go with the
/// course on alpine, scratch measured beside it, distroless not buildable, a build without `-w -s`;
/// Python on slim with no scratch choice at all.</summary>
public static class ComparisonSamples
{
    public static readonly BaseImage Golang = new("golang:1.27-trixie", "debian golang", 517_000_000);
    public static readonly BaseImage Alpine = new("alpine:3.23", "busybox", 2_470_000);
    public static readonly BaseImage Python = new("python:3.14-trixie", "debian python", 516_000_000);
    public static readonly BaseImage PythonSlim = new("python:3.14-slim-trixie", "debian python slim", 134_000_000);

    public static ImageMeasurement GoSingle => Single("go", "Go", Golang, size: 614_000_000, compressed: 204_000_000);
    public static ImageMeasurement GoAlpine => Multi("go", "Go", "alpine", [Golang, Alpine], size: 8_900_000, compressed: 4_100_000, artifact: 5_510_000, shell: true);
    public static ImageMeasurement GoScratch => Multi("go", "Go", "scratch", [Golang], size: 5_610_000, compressed: 2_000_000, artifact: 5_510_000, shell: false);
    public static ImageMeasurement PythonSingle => Single("python", "Python (Flask)", Python, size: 520_000_000, compressed: 190_000_000);
    public static ImageMeasurement PythonSlimImage => Multi("python", "Python (Flask)", "slim", [Python, PythonSlim], size: 140_000_000, compressed: 54_300_000, artifact: 900, shell: true);

    public static Comparison Create(IReadOnlyList<ClaimBuild>? claimBuilds = null) => new(
        new MachineDescription("Linux", "cpu", 2, 8, "28.5.2", "overlay2"),
        "templates/ in the clone",
        Pulls: 100,
        Images: [GoSingle, GoAlpine, PythonSingle, PythonSlimImage],
        RuntimeChoices: [GoScratch],
        NotMeasured: [new NotMeasured("go", "Go", "distroless", "the build failed: base image missing")],
        ClaimBuilds: claimBuilds ?? [new ClaimBuild("strip-flags", "go", "Go", "alpine", 11_550_000, 8_150_000)]);

    private static ImageMeasurement Single(string language, string name, BaseImage image, long size, long compressed) =>
        new(language, name, ImageMeasurement.SingleStage, "Dockerfile.single", $"course-{language}:single", [image], size, compressed, 9,
            10, 9, null, null, null, null);

    private static ImageMeasurement Multi(string language, string name, string variant, IReadOnlyList<BaseImage> bases, long size, long compressed, long artifact, bool shell) =>
        new(language, name, variant, "Dockerfile", $"course-{language}:multi", bases, size, compressed, 2, 12, 0.6, 1.2, artifact, shell, 0);
}
