using Multistage.Core.Docker;
using Multistage.Core.Net;
using Multistage.Core.Templates;

namespace Multistage.Core.Pipeline;

/// <summary>Where and how a <see cref="SampleRun"/> builds and runs.</summary>
/// <param name="Name">Unique per sample and run: the image repository and the container name prefix.</param>
/// <param name="LogFilePrefix">Build logs go to PREFIX-multi.log, -single.log, -rebuild.log (null: none).</param>
/// <param name="TrackImage">Told every tag before it is built, so the caller can remove it afterwards.</param>
public sealed record SampleRunContext(
    DockerCli Docker,
    NetworkMode Network,
    IReadOnlyDictionary<string, string> BuildArguments,
    string Name,
    string? LogFilePrefix,
    Action<string> TrackImage)
{
    /// <summary>Where the app serves and what its run must show (default: the template samples').</summary>
    public ServingContract Contract { get; init; } = ServingContract.Samples;

    /// <summary>Builds the two images with --no-cache, so their durations are cold builds' (compare times
    /// them); the rebuild after a source change always uses the cache, which is its point.</summary>
    public bool ColdBuilds { get; init; }

    /// <summary>The command's token (Ctrl+C): every docker call of the run takes it, so a cancelled build or run
    /// is killed at once (<see cref="Processes.ProcessRunner"/>). Clean-up never does: it must still run.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>
/// The one build-run-measure pipeline for a sample folder (its Dockerfile and Dockerfile.single): the
/// builds, the images' configuration and files, a hardened run (read-only, no capabilities, non-root)
/// that waits for the image's own HEALTHCHECK (timed), probes / and /healthz and stops it, the images'
/// compressed sizes, and a rebuild of either image after a source-only change. Each step runs once, on
/// first use, and keeps its result (a failure too). The image tests assert on these results; `check`
/// grades them; `compare` reports them. The folder must be a private copy: the rebuild edits a source
/// file in it.
/// </summary>
public sealed class SampleRun
{
    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);

    private readonly SampleRunContext context;
    private readonly DockerBuilder builder;
    private readonly Lazy<Task<BuildResult>> multiBuild;
    private readonly Lazy<Task<BuildResult>> singleBuild;
    private readonly Lazy<Task<ImageInfo>> multiInfo;
    private readonly Lazy<Task<ImageInfo>> singleInfo;
    private readonly Lazy<Task<IReadOnlyDictionary<string, long>>> fileSizes;
    private readonly Lazy<Task<long>> multiCompressed;
    private readonly Lazy<Task<long>> singleCompressed;
    private readonly Lazy<Task<RunOutcome>> run;
    private readonly Lazy<Task<bool>> sourceChange;
    private readonly Lazy<Task<BuildResult>> sourceChangeRebuild;
    private readonly Lazy<Task<BuildResult>> singleSourceChangeRebuild;

    public SampleRun(SampleRunContext context, TemplateMetadata template, string directory)
    {
        this.context = context;
        Template = template;
        Directory = directory;
        builder = new DockerBuilder(context.Docker);
        Images = new DockerImages(context.Docker);
        Containers = new DockerContainers(context.Docker);
        multiBuild = Once(() => BuildAsync("Dockerfile", MultiTag, "multi", context.ColdBuilds));
        singleBuild = Once(() => BuildAsync("Dockerfile.single", SingleTag, "single", context.ColdBuilds));
        multiInfo = Once(async () => { await RequireBuiltAsync(multiBuild); return await Images.InspectAsync(MultiTag, Cancellation); });
        singleInfo = Once(async () => { await RequireBuiltAsync(singleBuild); return await Images.InspectAsync(SingleTag, Cancellation); });
        fileSizes = Once(async () => { await RequireBuiltAsync(multiBuild); return await Images.FileSizesAsync(MultiTag, Cancellation); });
        multiCompressed = Once(async () => { await RequireBuiltAsync(multiBuild); return await Images.CompressedSizeAsync(MultiTag, Cancellation); });
        singleCompressed = Once(async () => { await RequireBuiltAsync(singleBuild); return await Images.CompressedSizeAsync(SingleTag, Cancellation); });
        run = Once(RunHardenedAsync);
        sourceChange = Once(ChangeSourceAsync);
        sourceChangeRebuild = Once(() => RebuildAfterSourceChangeAsync(multiBuild, "Dockerfile", RebuiltTag, "rebuild"));
        singleSourceChangeRebuild = Once(() => RebuildAfterSourceChangeAsync(singleBuild, "Dockerfile.single", SingleRebuiltTag, "single-rebuild"));
    }

    public TemplateMetadata Template { get; }

    /// <summary>The private sample folder built from.</summary>
    public string Directory { get; }

    public NetworkMode Network => context.Network;

    public ServingContract Contract => context.Contract;

    public DockerCli Docker => context.Docker;

    /// <summary>What each step's docker calls take (<see cref="SampleRunContext.Cancellation"/>); a step outside
    /// this class that calls Docker for the run (a check, a pitfall's start) passes it too.</summary>
    public CancellationToken Cancellation => context.Cancellation;

    public DockerImages Images { get; }

    public DockerContainers Containers { get; }

    public string Name => context.Name;
    public string MultiTag => $"{Name}:multi";
    public string SingleTag => $"{Name}:single";
    public string RebuiltTag => $"{Name}:rebuilt";
    public string SingleRebuiltTag => $"{Name}:single-rebuilt";

    /// <summary>Whether a build was asked for and worked.</summary>
    public bool MultiBuilt => multiBuild.IsValueCreated && multiBuild.Value.IsCompletedSuccessfully && multiBuild.Value.Result.Succeeded;
    public bool SingleBuilt => singleBuild.IsValueCreated && singleBuild.Value.IsCompletedSuccessfully && singleBuild.Value.Result.Succeeded;

    /// <summary>The build's result, failed or not (a failed build is a result, not an exception).</summary>
    public Task<BuildResult> MultiBuildAsync() => multiBuild.Value;
    public Task<BuildResult> SingleBuildAsync() => singleBuild.Value;

    // The steps below need the image: they throw, naming the failed build, when there is none.
    public Task<ImageInfo> MultiInfoAsync() => multiInfo.Value;
    public Task<ImageInfo> SingleInfoAsync() => singleInfo.Value;
    public async Task<IReadOnlyList<string>> FilesAsync() => (await fileSizes.Value).Keys.ToList();

    /// <summary>The multi-stage image's files (as <see cref="FilesAsync"/>) with their sizes in bytes.</summary>
    public Task<IReadOnlyDictionary<string, long>> FileSizesAsync() => fileSizes.Value;

    /// <summary><see cref="DockerImages.CompressedSizeAsync"/>: close to what a registry transfers per pull.</summary>
    public Task<long> MultiCompressedSizeAsync() => multiCompressed.Value;
    public Task<long> SingleCompressedSizeAsync() => singleCompressed.Value;
    public Task<RunOutcome> RunAsync() => run.Value;

    // One source change serves both rebuilds: each image's dependency step must come from the cache.
    public Task<BuildResult> SourceChangeRebuildAsync() => sourceChangeRebuild.Value;
    public Task<BuildResult> SingleSourceChangeRebuildAsync() => singleSourceChangeRebuild.Value;

    public string? LogFile(string kind) => context.LogFilePrefix is null ? null : $"{context.LogFilePrefix}-{kind}.log";

    private static Lazy<Task<T>> Once<T>(Func<Task<T>> work) => new(work, LazyThreadSafetyMode.ExecutionAndPublication);

    private static async Task RequireBuiltAsync(Lazy<Task<BuildResult>> build)
    {
        var result = await build.Value;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Describe());
        }
    }

    private Task<BuildResult> BuildAsync(string dockerfile, string tag, string kind, bool noCache)
    {
        context.TrackImage(tag);
        return builder.BuildAsync(new BuildRequest(Directory, dockerfile, tag)
        {
            Network = context.Network,
            BuildArguments = context.BuildArguments,
            LogFile = LogFile(kind),
            NoCache = noCache,
        }, Cancellation);
    }

    /// <summary>The hardened run: read-only root, only /tmp writable, no capabilities, reached on loopback only.</summary>
    private async Task<RunOutcome> RunHardenedAsync()
    {
        await RequireBuiltAsync(multiBuild);
        var container = $"{Name}-run";
        var contract = context.Contract;
        var port = contract.Port ?? FreeLoopbackPort.Next();
        var info = await Images.InspectAsync(MultiTag, Cancellation);
        var serving = ContainerRunOptions.Serving(MultiTag, container, context.Network, port);
        var environment = new Dictionary<string, string>(serving.Environment)
        {
            [contract.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var options = serving with
        {
            Environment = environment,
            // Owned by the image's user, as a volume's first mount is: the app may create files there.
            MoreTmpfs = contract.WritableFolders.Select(f => $"{Path.Combine(info.WorkingDir.Length == 0 ? "/" : info.WorkingDir, f)}:{TmpfsOwner(info.User)}").ToList(),
            // The image's own HEALTHCHECK decides; a short interval only saves waiting for its first run.
            HealthInterval = TimeSpan.FromSeconds(1),
        };
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Containers.RunDetachedAsync(options, Cancellation);
            Exception? healthFailure = null;
            TimeSpan? timeToHealthy = null;
            if (info.HealthcheckTest.Count > 0)
            {
                try
                {
                    await Containers.WaitUntilHealthyAsync(container, HealthTimeout, Cancellation);
                    timeToHealthy = clock.Elapsed;
                }
                catch (InvalidOperationException e)
                {
                    healthFailure = e;
                }
            }

            // Without a HEALTHCHECK to wait for, the first probe waits for the app (up to the health timeout).
            var wait = info.HealthcheckTest.Count > 0 ? TimeSpan.FromSeconds(10) : HealthTimeout;
            var health = await HttpProbe.GetAsync($"http://127.0.0.1:{port}{contract.HealthPath}", wait,
                async () => (await Containers.StateAsync(container, Cancellation)).Running, Cancellation);
            var root = contract.HealthPath == "/" ? health : await HttpProbe.GetAsync($"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(10), cancellationToken: Cancellation);
            var beforeStop = await Containers.StateAsync(container, Cancellation);
            StoppedContainer? stopped = null;
            Exception? stopFailure = null;
            try
            {
                stopped = await Containers.StopAsync(container, cancellationToken: Cancellation);
            }
            catch (DockerCommandException e)
            {
                stopFailure = e;
            }

            return new RunOutcome(container, healthFailure, root, health, beforeStop, stopped, stopFailure)
            {
                TimeToHealthy = timeToHealthy,
                HealthPath = contract.HealthPath,
                Port = port,
            };
        }
        finally
        {
            // Not the run's token: a cancelled run must still remove its container.
            await Containers.RemoveAsync(container, CancellationToken.None);
        }
    }

    /// <summary>uid=U,gid=G of a numeric USER U[:G] (tmpfs options), or nothing for a named or root user.</summary>
    private static string TmpfsOwner(string user)
    {
        var parts = user.Split(':');
        return parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit)
            ? $"uid={parts[0]},gid={(parts.Length > 1 && parts[1].All(char.IsAsciiDigit) && parts[1].Length > 0 ? parts[1] : parts[0])}"
            : "mode=1777";
    }

    /// <summary>
    /// Touches only a source file (after both images were built from the unchanged one) and rebuilds: the
    /// dependency step must come from the cache. The change is new for every sample and run (see
    /// <see cref="SourceChange"/>), so no earlier cache hides it.
    /// </summary>
    private async Task<BuildResult> RebuildAfterSourceChangeAsync(Lazy<Task<BuildResult>> firstBuild, string dockerfile, string tag, string kind)
    {
        if (!firstBuild.IsValueCreated && sourceChange.IsValueCreated)
        {
            // Its first build would see the changed source, and the rebuild would then prove nothing.
            throw new InvalidOperationException($"{dockerfile} of {Name} was first built after the source change: build it before asking for any rebuild.");
        }

        await RequireBuiltAsync(firstBuild);
        await sourceChange.Value;
        return await BuildAsync(dockerfile, tag, kind, noCache: false);
    }

    private async Task<bool> ChangeSourceAsync()
    {
        // A build still to come would see the changed file: let any that was asked for finish first.
        foreach (var build in new[] { multiBuild, singleBuild }.Where(b => b.IsValueCreated))
        {
            await build.Value;
        }

        var source = Path.Combine(Directory, Template.SourceFile);
        if (!File.Exists(source))
        {
            throw new InvalidOperationException(
                $"sourceFile '{Template.SourceFile}' ({TemplateCatalog.MetadataFileName} of {Template.Language}) is not in {Directory}.");
        }

        await SourceChange.AppendInertLineAsync(source, Cancellation);
        return true;
    }
}
