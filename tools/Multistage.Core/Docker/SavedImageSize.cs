using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Multistage.Core.Docker;

/// <summary>
/// Measures the archive `docker save` writes as a registry push would transfer it: registries store each
/// layer gzipped on its own, so each blob is gzipped on its own (and counted, never written), and the
/// archive's other small files (index, manifests, legacy configs) are gzipped together. Two layouts: the
/// OCI layout of Engine 25 and later (`blobs/sha256/HEX`, named by the digest of its bytes) and the older
/// one (`ID/layer.tar`, whose digest is computed while it is read). A blob whose digest the cache knows is
/// read past without compressing.
/// </summary>
public static class SavedImageSize
{
    // Optimal is zlib's default level (6), which `gzip` uses too.
    public const CompressionLevel Level = CompressionLevel.Optimal;

    private const string BlobFolder = "blobs/sha256/";
    private const string LegacyLayer = "/layer.tar";

    public static async Task<CompressedImage> MeasureAsync(Stream archive, LayerSizeCache? cache, CancellationToken cancellationToken = default)
    {
        long bytes = 0;
        int compressed = 0, fromCache = 0;
        var others = new CountingStream();
        await using (var othersGzip = new GZipStream(others, Level, leaveOpen: true))
        {
            using var reader = new TarReader(archive, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is not { } data)
                {
                    continue;
                }

                var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                var named = name.StartsWith(BlobFolder, StringComparison.Ordinal) ? name[BlobFolder.Length..] : null;
                if (named is not null && cache is not null && cache.TryGet(named, out var known))
                {
                    // The reader skips the unread data on its way to the next entry.
                    bytes += known;
                    fromCache++;
                }
                else if (named is not null || name.EndsWith(LegacyLayer, StringComparison.Ordinal))
                {
                    var (size, digest) = await CompressAsync(data, cancellationToken);
                    bytes += size;
                    compressed++;
                    // A blob is cached only under the digest of the bytes read: a mislabelled one never poisons it.
                    if (named is null || named == digest)
                    {
                        cache?.Store(digest, size);
                    }
                }
                else
                {
                    await data.CopyToAsync(othersGzip, cancellationToken);
                }
            }
        }

        // Past the end-of-archive marker: `docker save` may still be writing padding into the pipe.
        await archive.CopyToAsync(Stream.Null, cancellationToken);
        return new CompressedImage(bytes + others.Length, compressed, fromCache);
    }

    /// <summary>The gzip size of <paramref name="data"/> on its own, and the hex sha256 of its bytes.</summary>
    private static async Task<(long Size, string Digest)> CompressAsync(Stream data, CancellationToken cancellationToken)
    {
        var counter = new CountingStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        await using (var gzip = new GZipStream(counter, Level, leaveOpen: true))
        {
            int read;
            while ((read = await data.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await gzip.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return (counter.Length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
