using Multistage.Tests.Shared;
using System.Globalization;
using System.Text.Json;
using Multistage.Core.Docker;

namespace Images.Tests.Generator;

/// <summary><c>compare</c> on one seeded language: the report's figures are what Docker itself says about
/// the images it built, and the Markdown report and the chart exist and name the base set.</summary>
[Collection(CommandsCollection.Name)]
[Trait("Category", "Images")]
public sealed class CompareImagesTests : NeedsDocker
{
    private static readonly TimeSpan CompareTimeout = TimeSpan.FromMinutes(20);

    // Node: the figures are checked the same way for any language, and compare builds without the cache
    // by design (it times cold builds), where Node's sample compiles nothing; Go's cold builds took 177 s
    // of a CI run. Compare's per-language figures (the notes' claims) have their own tests without images.
    [Theory]
    [InlineData("node")]
    public async Task Compare_report_figures_equal_docker_image_inspect(string language)
    {
        var work = TempFolder.NewPath($"compare-{language}");
        var docker = DockerCli.FromEnvironment();
        string[] tags = [$"course-{language}:single", $"course-{language}:multi"];
        try
        {
            var seed = await InProcessCli.RunAsync(["seed", "--out", Path.Combine(work, "course"), "--port-base", CommandsCollection.PortBase, "--languages", language], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(seed.Succeeded, $"Seeding {language} failed:\n{seed.Describe()}");

            var compare = await MultistageCli.RunAsync(
                work, ["compare", "course", "--out", "report", "--json", "report/comparison.json"], timeout: CompareTimeout);
            Assert.True(compare.Succeeded, $"compare on {language} failed:\n{compare.Describe()}");

            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "report", "comparison.json"), TestContext.Current.CancellationToken));
            var images = report.RootElement.GetProperty("images").EnumerateArray().ToList();
            Assert.Equal(tags.Order(StringComparer.Ordinal), images.Select(i => i.GetProperty("tag").GetString()!).Order(StringComparer.Ordinal));

            foreach (var image in images)
            {
                var tag = image.GetProperty("tag").GetString()!;
                var (size, layers) = await InspectAsync(docker, tag);
                Assert.True(image.GetProperty("sizeBytes").GetInt64() == size,
                    $"{tag}: comparison.json says sizeBytes {image.GetProperty("sizeBytes")}; docker image inspect says Size {size}.");
                Assert.True(image.GetProperty("layers").GetInt32() == layers,
                    $"{tag}: comparison.json says {image.GetProperty("layers")} layers; docker image inspect lists {layers} in RootFS.Layers.");
                Assert.True(image.GetProperty("compressedBytes").GetInt64() is > 0 and var compressed && compressed < size,
                    $"{tag}: compressed size {image.GetProperty("compressedBytes")} should be positive and below the uncompressed {size}.");
            }

            var single = images.Single(i => i.GetProperty("dockerfile").GetString() == "Dockerfile.single").GetProperty("sizeBytes").GetInt64();
            var multi = images.Single(i => i.GetProperty("dockerfile").GetString() == "Dockerfile").GetProperty("sizeBytes").GetInt64();
            Assert.True(multi < single, $"The multi-stage {language} image ({multi} bytes) should be smaller than the single-stage one ({single} bytes).");

            await AssertBaseSetNamedAsync(docker, report.RootElement, Path.Combine(work, "report"));
            await AssertImageStoreNamedAsync(docker, report.RootElement, Path.Combine(work, "report", "comparison.md"));
        }
        finally
        {
            await docker.RunAsync(["image", "rm", "--force", .. tags], cancellationToken: TestContext.Current.CancellationToken);
            TempFolder.Remove(work);
        }
    }

    /// <summary>The JSON's base set agrees with the images' stand-in labels, and both reports name it.</summary>
    private static async Task AssertBaseSetNamedAsync(DockerCli docker, JsonElement report, string reportDirectory)
    {
        var bases = report.GetProperty("images").EnumerateArray()
            .SelectMany(i => i.GetProperty("baseImages").EnumerateArray())
            .Select(b => (Name: b.GetProperty("name").GetString()!, StandIn: b.GetProperty("standIn").ValueKind == JsonValueKind.String))
            .Distinct().ToList();
        Assert.True(bases.Count > 0, "comparison.json lists no base images; every Dockerfile here starts FROM a named image.");
        foreach (var (name, standIn) in bases)
        {
            var label = await docker.RunAsync(["image", "inspect", "-f", $"{{{{index .Config.Labels \"{StandIn.Label}\"}}}}", name]);
            Assert.True(label.Succeeded, $"Cannot inspect base image {name}:\n{label.Describe()}");
            var labelled = label.StandardOutput.Trim() is { Length: > 0 } value && value != "<no value>";
            Assert.True(labelled == standIn, $"comparison.json calls {name} {(standIn ? "a stand-in" : "official")}, but its {StandIn.Label} label says otherwise.");
        }

        var baseSet = report.GetProperty("baseSet").GetString()!;
        var expectedSet = bases.All(b => b.StandIn) ? "stand-in" : bases.All(b => !b.StandIn) ? "official" : "mixed";
        Assert.Equal(expectedSet, baseSet);

        var markdownPath = Path.Combine(reportDirectory, "comparison.md");
        var chartPath = Path.Combine(reportDirectory, "sizes.svg");
        Assert.True(File.Exists(markdownPath) && File.Exists(chartPath), $"compare should write comparison.md and sizes.svg into {reportDirectory}.");
        var markdown = await File.ReadAllTextAsync(markdownPath);
        Assert.Contains($"Base images: **{baseSet}**", markdown, StringComparison.Ordinal);
        foreach (var (name, _) in bases)
        {
            Assert.Contains($"`{name}`", markdown, StringComparison.Ordinal);
        }

        Assert.Contains($"({baseSet} base images)", await File.ReadAllTextAsync(chartPath), StringComparison.Ordinal);
    }

    /// <summary>Size means different things on the two image stores: the report names the one the engine uses.</summary>
    private static async Task AssertImageStoreNamedAsync(DockerCli docker, JsonElement report, string markdownPath)
    {
        var store = (await ImageStore.ProbeAsync(docker)).Describe();
        Assert.Equal(store, report.GetProperty("machine").GetProperty("imageStore").GetString());
        Assert.Contains($"Image store: **{store}**", await File.ReadAllTextAsync(markdownPath), StringComparison.Ordinal);
    }

    private static async Task<(long Size, int Layers)> InspectAsync(DockerCli docker, string tag)
    {
        var result = await docker.RunAsync(["image", "inspect", "-f", "{{.Size}} {{len .RootFS.Layers}}", tag]);
        Assert.True(result.Succeeded, $"docker image inspect {tag} failed after compare built it:\n{result.Describe()}");
        var parts = result.StandardOutput.Trim().Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
