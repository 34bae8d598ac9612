using System.IO.Compression;
using System.Text;
using Multistage.Core.Docker;

namespace Images.Tests;

/// <summary>
/// An image's compressed size is measured layer by layer (each gzipped on its own, as a registry stores it):
/// it stays close to gzip of the whole `docker save` archive, the figure it replaced, and a second measurement
/// takes every layer's size from the cache. The image is built here FROM scratch (no base image needed), with
/// a cache folder of its own.
/// </summary>
[Trait("Category", "Images")]
public sealed class CompressedSizeTests : NeedsDocker, IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("compressed-size-tests");
    private readonly DockerCli _docker = DockerCli.FromEnvironment();
    private readonly string _tag = $"multistage-test-compressed-size-{Guid.NewGuid():N}:latest";

    public void Dispose()
    {
        _docker.RunAsync(["image", "rm", "--force", _tag]).GetAwaiter().GetResult();
        _work.Dispose();
    }

    [Fact]
    public async Task The_layer_by_layer_size_is_within_3_percent_of_gzip_of_the_whole_docker_save()
    {
        await BuildAsync();
        var images = new DockerImages(_docker);

        var layered = await images.MeasureCompressedAsync(_tag, new LayerSizeCache(_work.Combine("cache")), TestContext.Current.CancellationToken);
        var whole = await WholeArchiveGzipSizeAsync();

        Assert.True(Math.Abs(layered.Bytes - whole) <= whole * 0.03,
            $"Layer by layer {layered.Bytes} bytes; gzip of the whole `docker save` {whole} bytes: more than 3% apart.");
        Assert.True(layered.BlobsCompressed >= 3, $"Only {layered.BlobsCompressed} blobs were compressed; the image has 3 layers.");
    }

    [Fact]
    public async Task A_second_measurement_of_the_same_image_compresses_nothing_and_gives_the_same_size()
    {
        await BuildAsync();
        var images = new DockerImages(_docker);
        var cache = new LayerSizeCache(_work.Combine("cache"));

        var cold = await images.MeasureCompressedAsync(_tag, cache, TestContext.Current.CancellationToken);
        var warm = await images.MeasureCompressedAsync(_tag, cache, TestContext.Current.CancellationToken);

        Assert.True(cold.BlobsCompressed >= 3 && cold.BlobsFromCache == 0, $"The first measurement with an empty cache: {cold}.");
        Assert.Equal(new CompressedImage(cold.Bytes, 0, cold.BlobsCompressed), warm);
    }

    /// <summary>Three layers of made-up files: text (compresses well) and random bytes (does not).</summary>
    private async Task BuildAsync()
    {
        var context = _work.Combine("context");
        Directory.CreateDirectory(context);
        var random = new Random(19);
        for (var layer = 1; layer <= 3; layer++)
        {
            var text = new StringBuilder();
            for (var line = 0; line < 20000; line++)
            {
                text.Append("layer ").Append(layer).Append(" line ").Append(random.Next(1_000_000)).Append('\n');
            }

            var noise = new byte[100_000 * layer];
            random.NextBytes(noise);
            await File.WriteAllTextAsync(Path.Combine(context, $"text{layer}.txt"), text.ToString());
            await File.WriteAllBytesAsync(Path.Combine(context, $"noise{layer}.bin"), noise);
        }

        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"),
            "FROM scratch\nCOPY text1.txt noise1.bin /one/\nCOPY text2.txt noise2.bin /two/\nCOPY text3.txt noise3.bin /three/\n");
        await new DockerBuilder(_docker).BuildCheckedAsync(new BuildRequest(context, "Dockerfile", _tag), TestContext.Current.CancellationToken);
    }

    /// <summary>The figure before layer-by-layer measuring: `docker save | gzip`, measured here on its own.</summary>
    private async Task<long> WholeArchiveGzipSizeAsync()
    {
        using var sink = new MemoryStream();
        await using (var gzip = new GZipStream(sink, CompressionLevel.Optimal, leaveOpen: true))
        {
            await _docker.RunCheckedAsync("Saving the probe image", ["save", _tag], TimeSpan.FromMinutes(2), gzip, TestContext.Current.CancellationToken);
        }

        return sink.Length;
    }
}
