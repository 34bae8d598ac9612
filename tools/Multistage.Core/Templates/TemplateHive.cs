using System.Collections.Concurrent;
using Multistage.Core.Processes;

namespace Multistage.Core.Templates;

/// <summary>
/// A private `dotnet new` template store (--debug:custom-hive), so tests and the generator never touch, or
/// depend on, the templates a user has installed. Several calls run at once, each in a copy of the store.
/// </summary>
public sealed class TemplateHive
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    // dotnet new rewrites its settings and template cache inside the hive on every call, so two calls in
    // one folder can read a half-written cache. After the install the hive folder is only read: each call
    // runs in a copy (a "lane", under lanes/), and a lane serves one call at a time. The store is ~0.5 MB.
    private const string LanesFolder = "lanes";
    private readonly SemaphoreSlim _freeLanes = new(LaneCount, LaneCount);
    private readonly ConcurrentBag<string> _idleLanes = [];
    private int _lanesMade;

    // dotnet new is mostly process start-up and JIT: one call per core keeps the cores busy.
    private static int LaneCount => Math.Max(2, Environment.ProcessorCount);

    private TemplateHive(string hiveDirectory) => HiveDirectory = hiveDirectory;

    public string HiveDirectory { get; }

    /// <summary>Creates the hive and installs every source (template folders or .nupkg files) with one `dotnet new install`,
    /// or copies the same sources' hive from the user's <see cref="TemplateHiveCache"/> when one was installed before.</summary>
    public static Task<TemplateHive> CreateAsync(
        string hiveDirectory, IEnumerable<string> templateSources, CancellationToken ct = default) =>
        CreateAsync(hiveDirectory, templateSources, TemplateHiveCache.FromEnvironment(), ct);

    /// <summary>As above, with the given cache (null: always install, cache nothing).</summary>
    public static async Task<TemplateHive> CreateAsync(
        string hiveDirectory, IEnumerable<string> templateSources, TemplateHiveCache? cache, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(templateSources);
        var hive = new TemplateHive(Path.GetFullPath(hiveDirectory));
        var sources = templateSources.Select(Path.GetFullPath).ToList();
        var missing = sources.FirstOrDefault(source => !Directory.Exists(source) && !File.Exists(source));
        if (missing is not null)
        {
            throw new FileNotFoundException(
                $"Template source '{missing}' does not exist: pass a template folder (templates/<language>) or a .nupkg.",
                missing);
        }

        Directory.CreateDirectory(hive.HiveDirectory);
        if (sources.Count == 0)
        {
            return hive;
        }

        // Only an empty folder is filled from the cache: a hive with something in it is installed into, as asked.
        var key = cache is null || Directory.EnumerateFileSystemEntries(hive.HiveDirectory).Any()
            ? null
            : await TemplateHiveKey.ComputeAsync(sources, hive.HiveDirectory, ct).ConfigureAwait(false);
        if (key is not null && cache!.TryRestore(key, hive.HiveDirectory))
        {
            return hive;
        }

        // One process for all sources: a dotnet new start costs about a second; five installs cost five.
        var result = await hive.RunInAsync(hive.HiveDirectory, ["new", "install", .. sources], ct, environment: null).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Installing template source(s) {string.Join(", ", sources.Select(s => $"'{s}'"))} into hive '{hive.HiveDirectory}' failed:\n{result.Describe()}");
        }

        if (key is not null)
        {
            cache!.Publish(key, hive.HiveDirectory, sources);
        }

        return hive;
    }

    /// <summary>`dotnet new &lt;shortName&gt; -o &lt;outputDirectory&gt; &lt;options...&gt;`; the result, even a failure, is returned.</summary>
    public Task<ProcessResult> InstantiateAsync(
        string shortName, string outputDirectory, IReadOnlyList<string> options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunAsync(["new", shortName, "-o", Path.GetFullPath(outputDirectory), .. options], ct, environment: null);
    }

    /// <summary>As above, with variables added to the environment of `dotnet new` (a culture, say).</summary>
    public Task<ProcessResult> InstantiateAsync(
        string shortName, string outputDirectory, IReadOnlyList<string> options,
        IReadOnlyDictionary<string, string?> environment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunAsync(["new", shortName, "-o", Path.GetFullPath(outputDirectory), .. options], ct, environment);
    }

    /// <summary>Any `dotnet` command against this hive (e.g. `new list`); --debug:custom-hive is appended.</summary>
    public Task<ProcessResult> RunAsync(IReadOnlyList<string> dotnetArguments, CancellationToken ct = default) =>
        RunAsync(dotnetArguments, ct, environment: null);

    private async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> dotnetArguments, CancellationToken ct, IReadOnlyDictionary<string, string?>? environment)
    {
        await _freeLanes.WaitAsync(ct).ConfigureAwait(false);
        string? lane = null;
        try
        {
            // A lane that could not be made (a full disk) frees its slot all the same: no later call waits forever.
            lane = _idleLanes.TryTake(out var idle) ? idle : MakeLane();
            var result = await RunInAsync(lane, dotnetArguments, ct, environment).ConfigureAwait(false);
            if (!FoundItsSettingsLocked(result))
            {
                return result;
            }

            // Another process holds a lock on this lane's settings (seen once in CI, under heavy load): the lane
            // is left to it, and the call runs again in a fresh one.
            lane = null;
            lane = MakeLane();
            return await RunInAsync(lane, dotnetArguments, ct, environment).ConfigureAwait(false);
        }
        finally
        {
            if (lane is not null)
            {
                _idleLanes.Add(lane);
            }

            _freeLanes.Release();
        }
    }

    /// <summary>dotnet new failed (exit 70 or 103: it found no template packages) because a settings file of the
    /// hive was locked by another process (.NET's FileShare.None is a lock other .NET processes respect).</summary>
    private static bool FoundItsSettingsLocked(ProcessResult result) =>
        result.ExitCode != 0 && (result.StandardOutput + result.StandardError).Contains("being used by another process", StringComparison.Ordinal);

    private Task<ProcessResult> RunInAsync(
        string hive, IReadOnlyList<string> dotnetArguments, CancellationToken ct, IReadOnlyDictionary<string, string?>? environment)
    {
        var spec = new ProcessSpec("dotnet", [.. dotnetArguments, "--debug:custom-hive", hive])
        {
            Environment = environment is null ? DotnetEnvironment.Quiet : WithQuiet(environment),
            Timeout = CommandTimeout,
            // Not the caller's folder: a global.json there (init runs in the user's project) may pin an SDK
            // that is not installed, and dotnet new would then not start at all.
            WorkingDirectory = hive,
        };
        return ProcessRunner.RunAsync(spec, ct);
    }

    /// <summary>A copy of the installed hive (everything but the lanes) for one more call at a time.</summary>
    private string MakeLane()
    {
        var lane = Path.Combine(HiveDirectory, LanesFolder, Interlocked.Increment(ref _lanesMade).ToString(System.Globalization.CultureInfo.InvariantCulture));
        FolderCopy.Copy(HiveDirectory, lane, skip: Path.Combine(HiveDirectory, LanesFolder));
        return lane;
    }

    private static Dictionary<string, string?> WithQuiet(IReadOnlyDictionary<string, string?> environment)
    {
        var merged = new Dictionary<string, string?>(DotnetEnvironment.Quiet, StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            merged[name] = value;
        }

        return merged;
    }
}
