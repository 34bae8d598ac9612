using Multistage.Core.Processes;

namespace Images.Tests;

/// <summary>
/// Package indexes the tests serve themselves, by the build argument a template names in
/// packageIndexBuildArg. PyPI is not reachable here, so PIP_INDEX_URL points at a local wheelhouse;
/// npm and NuGet are reachable and the Go and Rust samples use only the standard library, so their
/// arguments keep the Dockerfile's default.
/// </summary>
public sealed class LocalPackageIndexes(string repositoryRoot) : IDisposable
{
    public const string WheelhouseVariable = "MULTISTAGE_WHEELHOUSE";
    public const string CacheVariable = Multistage.Core.MultistageCache.Variable;

    /// <summary>Where tools/docker/build-wheelhouse.sh puts it by default: $MULTISTAGE_CACHE/wheelhouse.</summary>
    public static string DefaultWheelhouse => Path.Combine(
        Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } cache ? cache : "/var/cache/multistage",
        "wheelhouse");

    private readonly SemaphoreSlim gate = new(1, 1);
    private StaticIndexServer? wheelhouse;
    private string wheelhouseUrl = "";

    /// <summary>The build arguments for a template: empty unless the tests serve its index.</summary>
    public async Task<IReadOnlyDictionary<string, string>> BuildArgumentsAsync(string? packageIndexBuildArg)
    {
        if (packageIndexBuildArg != "PIP_INDEX_URL")
        {
            return new Dictionary<string, string>();
        }

        return new Dictionary<string, string> { [packageIndexBuildArg] = await WheelhouseUrlAsync() };
    }

    public void Dispose() => wheelhouse?.Dispose();

    private async Task<string> WheelhouseUrlAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (wheelhouse is null)
            {
                var folder = Environment.GetEnvironmentVariable(WheelhouseVariable) is { Length: > 0 } configured
                    ? configured
                    : DefaultWheelhouse;
                await EnsureWheelhouseAsync(folder);
                wheelhouse = new StaticIndexServer(folder);
                // A PEP 503 index lives at <root>/simple/ when the folder has one, else at the root.
                wheelhouseUrl = wheelhouse.BaseUrl + (Directory.Exists(Path.Combine(folder, "simple")) ? "simple/" : "");
            }

            return wheelhouseUrl;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs tools/docker/build-wheelhouse.sh when it exists: it returns at once when the wheelhouse
    /// matches the pinned requirements and rebuilds it when they changed. Without the script an
    /// existing folder is used as it is.
    /// </summary>
    private async Task EnsureWheelhouseAsync(string folder)
    {
        var script = Path.Combine(repositoryRoot, "tools", "docker", "build-wheelhouse.sh");
        if (!File.Exists(script))
        {
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                return;
            }

            throw new InvalidOperationException(
                $"The Python wheelhouse {folder} is missing and {script} does not exist to build it. " +
                $"Build one (a PEP 503 index of Flask and its dependencies) and point {WheelhouseVariable} at it.");
        }

        var result = await ProcessRunner.RunAsync(new ProcessSpec("bash", [script, folder])
        {
            WorkingDirectory = repositoryRoot,
            Timeout = TimeSpan.FromMinutes(15),
        });
        if (!result.Succeeded || !Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"Building the Python wheelhouse {folder} failed; run `bash {script} {folder}` by hand to see why.\n{result.Describe()}");
        }
    }
}
