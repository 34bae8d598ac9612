using System.Diagnostics;
using Multistage.Core.Docker;
using Multistage.Core.Net;
using Multistage.Core.Pipeline;
using Multistage.Core.Templates;

namespace Multistage.Cli.Comparing;

/// <summary>Measures one image of one sample: a cold build, its size and layers, a rebuild after a
/// source-only change, and the time from container start to the first good /healthz. Works on a
/// private copy of the sample, so the course folder is never edited.</summary>
public sealed class ImageMeasurer(DockerCli docker, NetworkMode network, IReadOnlyDictionary<string, string> buildArguments)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromMinutes(2);

    private readonly DockerBuilder builder = new(docker);
    private readonly DockerImages images = new(docker);
    private readonly DockerContainers containers = new(docker);

    public async Task<ImageMeasurement> MeasureAsync(CourseSample sample, string dockerfile, string tag, CancellationToken ct)
    {
        using var privateCopy = PrivateCopy.Of(sample.Directory, "compare");
        var copy = privateCopy.Directory;
        var cold = await builder.BuildCheckedAsync(Request(copy, dockerfile, tag, noCache: true), ct);
        var info = await images.InspectAsync(tag, ct);
        var compressed = await images.CompressedSizeAsync(tag, ct);
        var startToHealthy = await StartToHealthyAsync(tag, ct);

        // A source-only change: the dependency layers should come from the cache. A fixed edit (say, one
        // more newline) would be cached by the previous compare run and time a no-op build instead.
        // The edited build gets its own tag, removed after, so `tag` stays the measured image.
        await SourceChange.AppendInertLineAsync(Path.Combine(copy, sample.Template.SourceFile), ct);
        var rebuildTag = $"{tag}-rebuild";
        var warm = await builder.BuildCheckedAsync(Request(copy, dockerfile, rebuildTag, noCache: false), ct);
        await images.RemoveAsync([rebuildTag], ct);

        return new ImageMeasurement(
            sample.Template.Language,
            sample.Template.DisplayName,
            dockerfile == "Dockerfile" ? sample.Variant : "single-stage",
            dockerfile,
            tag,
            await BaseImagesAsync(Path.Combine(copy, dockerfile), ct),
            info.Size,
            compressed,
            info.LayerCount,
            cold.Duration.TotalSeconds,
            warm.Duration.TotalSeconds,
            startToHealthy.TotalSeconds);
    }

    private BuildRequest Request(string context, string dockerfile, string tag, bool noCache) =>
        new(context, dockerfile, tag) { BuildArguments = buildArguments, NoCache = noCache, Network = network };

    /// <summary>Starts the image on a free loopback port and times the first <c>ok</c> from /healthz.</summary>
    private async Task<TimeSpan> StartToHealthyAsync(string image, CancellationToken ct)
    {
        var port = FreeLoopbackPort.Next();
        var name = $"multistage-compare-{Guid.NewGuid():N}";
        var options = ContainerRunOptions.Serving(image, name, network, port);
        var clock = Stopwatch.StartNew();
        await containers.RunDetachedAsync(options, ct);
        try
        {
            while (clock.Elapsed < HealthyTimeout)
            {
                if (await AnswersOkAsync(port, ct))
                {
                    return clock.Elapsed;
                }

                await Task.Delay(50, ct);
            }

            throw new InvalidOperationException(
                $"{image} did not answer /healthz on 127.0.0.1:{port} within {HealthyTimeout.TotalSeconds} s. Its output:{Environment.NewLine}{await containers.LogsAsync(name, ct)}");
        }
        finally
        {
            // Not `ct`: a cancelled run must still remove its container.
            await containers.RemoveAsync(name, CancellationToken.None);
        }
    }

    private static async Task<bool> AnswersOkAsync(int port, CancellationToken ct)
    {
        try
        {
            var body = await Http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/healthz"), ct);
            return body.Trim() == "ok";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<BaseImage>> BaseImagesAsync(string dockerfilePath, CancellationToken ct)
    {
        var bases = new List<BaseImage>();
        foreach (var name in DockerfileStages.BaseImages(DockerfileStages.Read(dockerfilePath)).Where(b => !DockerImages.IsScratch(b)))
        {
            var info = await images.InspectAsync(name, ct);
            bases.Add(new BaseImage(name, info.Labels.GetValueOrDefault(StandIn.Label)));
        }

        return bases;
    }
}
