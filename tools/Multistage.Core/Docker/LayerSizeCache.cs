using System.Globalization;

namespace Multistage.Core.Docker;

/// <summary>
/// The compressed size of each image blob measured before, by the blob's sha256 digest (for a layer, the
/// sha256 of the uncompressed layer): the same base layers (an SDK image, golang, rust) are in every
/// single-stage image and would otherwise be gzipped again by every measurement. One small file per
/// digest, named by its hex and holding the size, written whole (temp file and rename), so parallel
/// processes never read half an entry. The cache only saves time: what cannot be read or written in it
/// is measured again.
/// </summary>
public sealed class LayerSizeCache
{
    // The folder's name carries the compression the sizes were measured at: a change of level needs a new one.
    private const string FolderName = "layer-sizes-gzip-optimal";
    private const string StagingInfix = ".tmp-";

    private static readonly TimeSpan UnusedFor = TimeSpan.FromDays(30);
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private int pruned;

    public LayerSizeCache(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>layer-sizes-gzip-optimal/ under <see cref="MultistageCache.UserRoot"/>; null when no home is known.</summary>
    public static LayerSizeCache? FromEnvironment() =>
        MultistageCache.UserRoot() is { } root ? new LayerSizeCache(Path.Combine(root, FolderName)) : null;

    /// <summary>True for 64 lower-case hex digits: only such a name is ever used as a file name here.</summary>
    public static bool IsSha256Hex(string digest) =>
        digest.Length == 64 && digest.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public bool TryGet(string digest, out long size)
    {
        size = 0;
        if (!IsSha256Hex(digest))
        {
            return false;
        }

        var file = Path.Combine(Root, digest);
        try
        {
            if (!long.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out size))
            {
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            size = 0;
            return false;
        }

        // Marks the entry used, so pruning keeps it; a read-only cache is still read.
        Try(() => File.SetLastWriteTimeUtc(file, DateTime.UtcNow));
        return true;
    }

    public void Store(string digest, long size)
    {
        if (!IsSha256Hex(digest))
        {
            return;
        }

        var staging = Path.Combine(Root, digest + StagingInfix + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Root);
            PruneOnce();
            File.WriteAllText(staging, size.ToString(CultureInfo.InvariantCulture));
            // Atomic: a reader sees the old entry or the new one. Two processes store the same size.
            File.Move(staging, Path.Combine(Root, digest), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Try(() => File.Delete(staging));
        }
    }

    /// <summary>Once per cache object: removes entries unused for a while (built images' own layers are never
    /// seen again) and temp files left by a killed process.</summary>
    private void PruneOnce()
    {
        if (Interlocked.Exchange(ref pruned, 1) == 1)
        {
            return;
        }

        var now = DateTime.UtcNow;
        foreach (var file in Directory.EnumerateFiles(Root))
        {
            Try(() =>
            {
                var age = now - File.GetLastWriteTimeUtc(file);
                if (age > (Path.GetFileName(file).Contains(StagingInfix, StringComparison.Ordinal) ? AbandonedAfter : UnusedFor))
                {
                    File.Delete(file);
                }
            });
        }
    }

    private static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only speed is lost.
        }
    }
}
