using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Multistage.Core.Docker;

namespace Core.Tests;

/// <summary>
/// The compressed size read from a `docker save` archive built here (no Docker): each blob gzipped on its own,
/// the other files together; sizes the cache knows are used without compressing; only a blob's true digest
/// is ever cached. Each test has a cache folder of its own.
/// </summary>
public sealed class SavedImageSizeTests : IDisposable
{
    private static readonly byte[] Config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers"}}""");
    private static readonly byte[] Index = Encoding.UTF8.GetBytes("""{"schemaVersion":2,"manifests":[]}""");
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes("""[{"Config":"blobs/sha256/c","RepoTags":["probe:latest"],"Layers":[]}]""");

    private readonly TempFolder _work = TempFolder.Create("saved-image-size-tests");
    private readonly byte[] _base = Layer(seed: 1);
    private readonly byte[] _app = Layer(seed: 2);

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Each_blob_is_gzipped_on_its_own_and_the_other_files_together_and_the_whole_archive_is_read()
    {
        var cache = new LayerSizeCache(_work.Combine("cache"));
        using var archive = OciArchive([_base, _app, Config]);

        var measured = await SavedImageSize.MeasureAsync(archive, cache, TestContext.Current.CancellationToken);

        Assert.Equal(GzipSize(_base) + GzipSize(_app) + GzipSize(Config) + GzipSize([.. Index, .. Manifest]), measured.Bytes);
        Assert.Equal(new CompressedImage(measured.Bytes, BlobsCompressed: 3, BlobsFromCache: 0), measured);
        Assert.Equal(archive.Length, archive.Position);
        Assert.True(cache.TryGet(Digest(_app), out var cached) && cached == GzipSize(_app), $"The app layer's size was not cached under {Digest(_app)}.");
    }

    [Fact]
    public async Task A_size_the_cache_knows_is_used_and_that_blob_is_not_compressed()
    {
        var cache = new LayerSizeCache(_work.Combine("cache"));
        // Not the true size: a figure that shows where it came from.
        cache.Store(Digest(_base), 7);
        using var archive = OciArchive([_base, _app, Config]);

        var measured = await SavedImageSize.MeasureAsync(archive, cache, TestContext.Current.CancellationToken);

        Assert.Equal(new CompressedImage(7 + GzipSize(_app) + GzipSize(Config) + GzipSize([.. Index, .. Manifest]), 2, 1), measured);
        Assert.Equal(archive.Length, archive.Position);
    }

    [Fact]
    public async Task A_cache_that_cannot_be_written_is_still_read_and_the_rest_is_measured()
    {
        using var folder = await ReadOnlyFolder.CreateAsync(_work.Combine("read-only-cache"),
            path => File.WriteAllText(Path.Combine(path, Digest(_base)), "7"));
        var cache = new LayerSizeCache(folder.Path);
        using var archive = OciArchive([_base, _app, Config]);

        var measured = await SavedImageSize.MeasureAsync(archive, cache, TestContext.Current.CancellationToken);

        Assert.Equal(new CompressedImage(7 + GzipSize(_app) + GzipSize(Config) + GzipSize([.. Index, .. Manifest]), 2, 1), measured);
        Assert.False(cache.TryGet(Digest(_app), out _), "The read-only cache was written.");
    }

    [Fact]
    public async Task A_second_measurement_of_the_same_archive_compresses_nothing_and_gives_the_same_size()
    {
        var cache = new LayerSizeCache(_work.Combine("cache"));
        using var first = OciArchive([_base, _app, Config]);
        using var second = OciArchive([_base, _app, Config]);

        var cold = await SavedImageSize.MeasureAsync(first, cache, TestContext.Current.CancellationToken);
        var warm = await SavedImageSize.MeasureAsync(second, cache, TestContext.Current.CancellationToken);

        Assert.Equal(new CompressedImage(cold.Bytes, 0, 3), warm);
    }

    [Fact]
    public async Task A_legacy_archive_counts_its_layer_tars_on_their_own_and_caches_them_by_their_computed_digest()
    {
        var cache = new LayerSizeCache(_work.Combine("cache"));
        var version = Encoding.UTF8.GetBytes("1.0");
        using var archive = Archive(
            ("3f2a/VERSION", version), ("3f2a/json", Config), ("3f2a/layer.tar", _base),
            ("9c1b/VERSION", version), ("9c1b/json", Config), ("9c1b/layer.tar", _app),
            ("manifest.json", Manifest));

        var measured = await SavedImageSize.MeasureAsync(archive, cache, TestContext.Current.CancellationToken);

        Assert.Equal(new CompressedImage(GzipSize(_base) + GzipSize(_app) + GzipSize([.. version, .. Config, .. version, .. Config, .. Manifest]), 2, 0), measured);
        using var oci = OciArchive([_base]);
        Assert.Equal(1, (await SavedImageSize.MeasureAsync(oci, cache, TestContext.Current.CancellationToken)).BlobsFromCache);
    }

    [Fact]
    public async Task A_blob_whose_bytes_are_not_its_name_is_measured_but_never_cached()
    {
        var cache = new LayerSizeCache(_work.Combine("cache"));
        using var archive = Archive(($"blobs/sha256/{Digest(_base)}", _app), ("index.json", Index));

        var measured = await SavedImageSize.MeasureAsync(archive, cache, TestContext.Current.CancellationToken);

        Assert.Equal(new CompressedImage(GzipSize(_app) + GzipSize(Index), 1, 0), measured);
        Assert.False(cache.TryGet(Digest(_base), out _), "A mislabelled blob's size was cached under the name it claimed.");
        Assert.False(Directory.Exists(cache.Root) && Directory.EnumerateFiles(cache.Root).Any(), "The cache holds an entry for a blob no true digest named.");
    }

    [Theory]
    [InlineData("../../escaped")]
    [InlineData("ABCDEF")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    public void A_name_that_is_not_a_lower_case_sha256_hex_is_never_a_cache_file(string name)
    {
        var cache = new LayerSizeCache(_work.Combine("cache", "inner"));
        Directory.CreateDirectory(cache.Root);
        File.WriteAllText(Path.Combine(cache.Root, Path.GetFileName(name)), "7");

        cache.Store(name, 9);

        Assert.False(cache.TryGet(name, out _), $"'{name}' was looked up in the cache.");
        Assert.False(File.Exists(_work.Combine("escaped")), "Storing wrote outside the cache folder.");
    }

    [Fact]
    public void An_entry_that_is_not_a_number_is_a_miss()
    {
        var cache = new LayerSizeCache(_work.Combine("cache"));
        var digest = Digest(_base);
        Directory.CreateDirectory(cache.Root);
        File.WriteAllText(Path.Combine(cache.Root, digest), "12 34");

        Assert.False(cache.TryGet(digest, out _));
        cache.Store(digest, 1234);
        Assert.True(cache.TryGet(digest, out var size) && size == 1234);
    }

    [Fact]
    public async Task An_archive_that_is_not_a_tar_fails_the_measurement_and_stops_docker_save()
    {
        // A `docker save` that never ends: only the reader's failure can stop it.
        var script = _work.Combine("docker");
        File.WriteAllText(script, "#!/bin/sh\nexec yes 'not a tar archive'\n");
        Assert.SkipWhen(OperatingSystem.IsWindows(), "The stand-in docker is a shell script.");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var images = new DockerImages(new DockerCli(new DockerLocation(script, Host: null)));

        var measuring = images.MeasureCompressedAsync("probe", new LayerSizeCache(_work.Combine("cache")), TestContext.Current.CancellationToken);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => measuring.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.True(failure is InvalidDataException or FormatException, $"Expected the tar reader's failure, got {failure}");
    }

    /// <summary>A layer as Docker saves it: a tar of text (compressible) and random bytes (not).</summary>
    private static byte[] Layer(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var line = 0; line < 2000; line++)
        {
            text.Append("line ").Append(random.Next(100000)).Append(" of the probe's own file\n");
        }

        var noise = new byte[64 * 1024];
        random.NextBytes(noise);
        using var layer = Archive(("app/notes.txt", Encoding.UTF8.GetBytes(text.ToString())), ("app/data.bin", noise));
        return layer.ToArray();
    }

    private static MemoryStream OciArchive(IEnumerable<byte[]> blobs) =>
        Archive([.. blobs.Select(blob => ($"blobs/sha256/{Digest(blob)}", blob)), ("index.json", Index), ("manifest.json", Manifest)]);

    private static MemoryStream Archive(params (string Name, byte[] Data)[] files)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static string Digest(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static long GzipSize(byte[] data)
    {
        using var sink = new MemoryStream();
        using (var gzip = new GZipStream(sink, SavedImageSize.Level, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return sink.Length;
    }
}
