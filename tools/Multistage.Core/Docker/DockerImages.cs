using System.Formats.Tar;
using System.IO.Pipelines;

namespace Multistage.Core.Docker;

/// <summary>Questions about images: are they there, what is in them, how big are they; and removal.</summary>
public sealed class DockerImages(DockerCli docker)
{
    /// <summary>Every `repository:tag` the daemon holds (`scratch` is never listed: it is no image).</summary>
    public async Task<IReadOnlySet<string>> ListTagsAsync(CancellationToken cancellationToken = default)
    {
        var result = await docker.RunCheckedAsync("Listing images",
            ["image", "ls", "--format", "{{.Repository}}:{{.Tag}}"], cancellationToken: cancellationToken);
        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(tag => !tag.EndsWith(":<none>", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>`FROM scratch` names no image: Docker treats it as the empty file system.</summary>
    public static bool IsScratch(string image) => image == "scratch";

    public async Task<ImageInfo> InspectAsync(string image, CancellationToken cancellationToken = default)
    {
        var result = await docker.RunCheckedAsync($"Inspecting image {image}", ["image", "inspect", image],
            cancellationToken: cancellationToken);
        return ImageInfo.Parse(result.StandardOutput);
    }

    /// <summary>
    /// The paths in the image's file system (no leading `/`, folders end without `/`), read from
    /// `docker export` of a created, never started container: it needs no shell or `ls` in the image.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListFilesAsync(string image, CancellationToken cancellationToken = default) =>
        (await FileSizesAsync(image, cancellationToken)).Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The same listing with each entry's size in bytes (0 for folders and links): the one `docker export`
    /// that both the file checks and the binary's own size are read from.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> FileSizesAsync(string image, CancellationToken cancellationToken = default)
    {
        // The container is never started, so the command is never run: it only satisfies `docker
        // create` for images that have neither ENTRYPOINT nor CMD.
        var created = await docker.RunCheckedAsync($"Creating a container from {image} to list its files",
            ["create", image, "/never-run"], cancellationToken: cancellationToken);
        var container = created.StandardOutput.Trim();
        try
        {
            var exportFile = Path.Combine(Path.GetTempPath(), $"multistage-export-{Guid.NewGuid():N}.tar");
            try
            {
                await using (var sink = File.Create(exportFile))
                {
                    await docker.RunCheckedAsync($"Exporting the file system of {image}", ["export", container],
                        TimeSpan.FromMinutes(10), sink, cancellationToken);
                }

                return await ReadTarEntriesAsync(exportFile, cancellationToken);
            }
            finally
            {
                File.Delete(exportFile);
            }
        }
        finally
        {
            // Not the caller's token: a cancelled listing must still remove its container.
            await docker.RunAsync(["rm", "--force", container], cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>
    /// The image's compressed size in bytes, close to what a registry push transfers: each layer of `docker
    /// save` gzipped on its own, as registries store layers, plus its small config and manifests
    /// (<see cref="SavedImageSize"/>). Layers measured before are taken from the user's
    /// <see cref="LayerSizeCache"/>. Nothing is written to disk but those sizes.
    /// </summary>
    public async Task<long> CompressedSizeAsync(string image, CancellationToken cancellationToken = default) =>
        (await MeasureCompressedAsync(image, LayerSizeCache.FromEnvironment(), cancellationToken)).Bytes;

    /// <summary><see cref="CompressedSizeAsync"/> with the cache to use (null: none), and what was compressed.</summary>
    public async Task<CompressedImage> MeasureCompressedAsync(string image, LayerSizeCache? cache, CancellationToken cancellationToken = default)
    {
        // `docker save` writes into the pipe while the archive is read from it: the image is never held whole.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        using var readerFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(async () =>
        {
            try
            {
                return await SavedImageSize.MeasureAsync(pipe.Reader.AsStream(), cache, cancellationToken);
            }
            catch
            {
                // Stops `docker save`, which would otherwise wait on a pipe nobody reads.
                await readerFailed.CancelAsync();
                throw;
            }
            finally
            {
                await pipe.Reader.CompleteAsync();
            }
        }, CancellationToken.None);

        try
        {
            await using var sink = pipe.Writer.AsStream(leaveOpen: true);
            await docker.RunCheckedAsync($"Saving image {image}", ["save", image], TimeSpan.FromMinutes(10), sink, readerFailed.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The reader's failure is the cause to report.
            await reading;
            throw;
        }
        finally
        {
            await pipe.Writer.CompleteAsync();
        }

        return await reading;
    }

    /// <summary>Removes images by name or id; missing ones are not an error (clean-up after failures).</summary>
    public async Task RemoveAsync(IEnumerable<string> images, CancellationToken cancellationToken = default)
    {
        // In batches, each with its own time: a test run's clean-up removes hundreds of tags, and one
        // `image rm` of them all outlived the default timeout on a busy machine.
        foreach (var batch in images.Chunk(25))
        {
            await docker.RunAsync(["image", "rm", "--force", .. batch], timeout: TimeSpan.FromMinutes(5), cancellationToken: cancellationToken);
        }
    }

    private static async Task<IReadOnlyDictionary<string, long>> ReadTarEntriesAsync(string tarFile, CancellationToken cancellationToken)
    {
        var paths = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var stream = File.OpenRead(tarFile);
        using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var path = entry.Name.TrimStart('.').Trim('/');
            if (path.Length > 0)
            {
                paths[path] = entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile ? entry.Length : 0;
            }
        }

        return paths;
    }
}
