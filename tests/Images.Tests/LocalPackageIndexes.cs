using Multistage.Core.Processes;

namespace Images.Tests;

/// <summary>
/// Serves the package indexes of <see cref="LocalPackageIndex.RelativePath"/>, each on first use, and gives a
/// template's packageIndexBuildArg its local URL; an argument with no entry keeps the Dockerfile's default.
/// </summary>
public sealed class LocalPackageIndexes(string repositoryRoot) : IDisposable
{
    private readonly IReadOnlyList<LocalPackageIndex> indexes = LocalPackageIndex.Load(repositoryRoot);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, (StaticIndexServer Server, string Url)> served = new(StringComparer.Ordinal);

    /// <summary>The build arguments for a template: empty unless the tests serve its index.</summary>
    public async Task<IReadOnlyDictionary<string, string>> BuildArgumentsAsync(string? packageIndexBuildArg)
    {
        if (indexes.FirstOrDefault(i => i.BuildArg == packageIndexBuildArg) is not { } index)
        {
            return new Dictionary<string, string>();
        }

        return new Dictionary<string, string> { [index.BuildArg] = await UrlAsync(index) };
    }

    public void Dispose()
    {
        foreach (var (server, _) in served.Values)
        {
            server.Dispose();
        }
    }

    private async Task<string> UrlAsync(LocalPackageIndex index)
    {
        await gate.WaitAsync();
        try
        {
            if (!served.TryGetValue(index.BuildArg, out var serving))
            {
                var folder = index.Folder(Environment.GetEnvironmentVariable);
                await EnsureFolderAsync(index, folder);
                var server = new StaticIndexServer(folder);
                serving = (server, index.Url(server.BaseUrl, folder));
                served[index.BuildArg] = serving;
            }

            return serving.Url;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs the index's builder when it exists: it returns at once when the folder is up to date and rebuilds
    /// it when its inputs changed. Without the script an existing folder is used as it is.
    /// </summary>
    private async Task EnsureFolderAsync(LocalPackageIndex index, string folder)
    {
        var script = Path.Combine(repositoryRoot, index.Builder);
        if (!File.Exists(script))
        {
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                return;
            }

            throw new InvalidOperationException(
                $"The {index.Name} {folder} is missing and {script} does not exist to build it. " +
                $"Build one ({index.Contents}) and point {index.FolderVariable} at it.");
        }

        var result = await ProcessRunner.RunAsync(new ProcessSpec("bash", [script, folder])
        {
            WorkingDirectory = repositoryRoot,
            Timeout = TimeSpan.FromMinutes(15),
        });
        if (!result.Succeeded || !Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"Building the {index.Name} {folder} failed; run `bash {script} {folder}` by hand to see why.\n{result.Describe()}");
        }
    }
}
