using Multistage.Core.Processes;

namespace Multistage.Core.Templates;

/// <summary>
/// A private `dotnet new` template store (--debug:custom-hive), so tests and the generator never touch, or
/// depend on, the templates a user has installed.
/// </summary>
public sealed class TemplateHive
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    // dotnet new rewrites its settings and template cache inside the hive on every call; two calls at
    // once can read a half-written cache, so calls on one hive take turns.
    private readonly SemaphoreSlim _turn = new(1, 1);

    private TemplateHive(string hiveDirectory) => HiveDirectory = hiveDirectory;

    public string HiveDirectory { get; }

    /// <summary>Creates the hive and runs `dotnet new install` for each source (a template folder or a .nupkg).</summary>
    public static async Task<TemplateHive> CreateAsync(
        string hiveDirectory, IEnumerable<string> templateSources, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(templateSources);
        var hive = new TemplateHive(Path.GetFullPath(hiveDirectory));
        Directory.CreateDirectory(hive.HiveDirectory);
        foreach (var source in templateSources)
        {
            var fullSource = Path.GetFullPath(source);
            if (!Directory.Exists(fullSource) && !File.Exists(fullSource))
            {
                throw new FileNotFoundException(
                    $"Template source '{fullSource}' does not exist: pass a template folder (templates/<language>) or a .nupkg.",
                    fullSource);
            }
            var result = await hive.RunAsync(["new", "install", fullSource], ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Installing template source '{fullSource}' into hive '{hive.HiveDirectory}' failed:\n{result.Describe()}");
            }
        }
        return hive;
    }

    /// <summary>`dotnet new &lt;shortName&gt; -o &lt;outputDirectory&gt; &lt;options...&gt;`; the result, even a failure, is returned.</summary>
    public Task<ProcessResult> InstantiateAsync(
        string shortName, string outputDirectory, IReadOnlyList<string> options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunAsync(["new", shortName, "-o", Path.GetFullPath(outputDirectory), .. options], ct);
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
        var spec = new ProcessSpec("dotnet", [.. dotnetArguments, "--debug:custom-hive", HiveDirectory])
        {
            Environment = environment is null ? DotnetEnvironment.Quiet : WithQuiet(environment),
            Timeout = CommandTimeout,
            // Not the caller's folder: a global.json there (init runs in the user's project) may pin an SDK
            // that is not installed, and dotnet new would then not start at all.
            WorkingDirectory = HiveDirectory,
        };
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await ProcessRunner.RunAsync(spec, ct).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
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
