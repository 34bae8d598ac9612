using Multistage.Core.Net;
using Multistage.Core.Docker;
using Multistage.Core.Templates;

namespace Images.Tests;

/// <summary>
/// Everything the tests learn about one variant, each piece computed once on first use and kept (a
/// failure too, so every test that needs a broken build reports the same cause without rebuilding).
/// </summary>
public sealed class VariantImages
{
    /// <summary>The project name given to `dotnet new -n`: lower case letters only, the same in every sourceName form.</summary>
    public const string AppName = "imagetest";

    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);

    private readonly ImageFixture fixture;
    private readonly Lazy<Task<string>> generated;
    private readonly Lazy<Task<BuildResult>> multiBuild;
    private readonly Lazy<Task<BuildResult>> singleBuild;
    private readonly Lazy<Task<ImageInfo>> multiInfo;
    private readonly Lazy<Task<ImageInfo>> singleInfo;
    private readonly Lazy<Task<IReadOnlyList<string>>> files;
    private readonly Lazy<Task<RunOutcome>> run;
    private readonly Lazy<Task<HttpAnswer>> singleRoot;
    private readonly Lazy<Task<BuildResult>> sourceChangeRebuild;
    private readonly Lazy<IReadOnlyDictionary<string, Task<InputOutcome>>> inputRuns;
    private readonly IReadOnlyDictionary<ClientLoad, Lazy<Task<LoadedStop>>> loadedStops;

    /// <param name="projectName">`dotnet new -n`; anything but <see cref="AppName"/> gets a key of its own in the image name.</param>
    public VariantImages(ImageFixture fixture, ImageVariant variant, string projectName = AppName)
    {
        this.fixture = fixture;
        Variant = variant;
        ProjectName = projectName;
        var key = projectName == AppName
            ? variant.Slug
            : $"{variant.Slug}-name{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(projectName)))[..8]}";
        Name = $"multistage-test-{key}-{fixture.RunId}";
        Key = key;
        generated = Once(GenerateAsync);
        multiBuild = Once(() => BuildAsync("Dockerfile", MultiTag, "multi"));
        singleBuild = Once(() => BuildAsync("Dockerfile.single", SingleTag, "single"));
        multiInfo = Once(async () => { await MultiBuildAsync(); return await fixture.Images.InspectAsync(MultiTag); });
        singleInfo = Once(async () => { await SingleBuildAsync(); return await fixture.Images.InspectAsync(SingleTag); });
        files = Once(async () => { await MultiBuildAsync(); return await fixture.Images.ListFilesAsync(MultiTag); });
        run = Once(RunHardenedAsync);
        singleRoot = Once(RunSingleStageAsync);
        sourceChangeRebuild = Once(RebuildAfterSourceChangeAsync);
        // Every row starts on first use, so the rows' containers run side by side (ContainerSlots at a time).
        inputRuns = new(() => InputContract.Cases.ToDictionary(row => row.Name, RunWithInputAsync), LazyThreadSafetyMode.ExecutionAndPublication);
        loadedStops = Enum.GetValues<ClientLoad>().ToDictionary(load => load, load => Once(() => StopUnderLoadAsync(load)));
    }

    public ImageVariant Variant { get; }

    public string ProjectName { get; }

    /// <summary>The variant's slug, plus a hash of the project name when it is not the default one.</summary>
    public string Key { get; }

    /// <summary>Unique per variant and test run: image repository and container name prefix.</summary>
    public string Name { get; }

    public string MultiTag => $"{Name}:multi";
    public string SingleTag => $"{Name}:single";
    public string RebuiltTag => $"{Name}:rebuilt";

    /// <summary>Whether a build was asked for and worked (the report lists only what exists).</summary>
    public bool MultiBuilt => multiBuild.IsValueCreated && multiBuild.Value.IsCompletedSuccessfully;
    public bool SingleBuilt => singleBuild.IsValueCreated && singleBuild.Value.IsCompletedSuccessfully;

    public Task<BuildResult> MultiBuildAsync() => multiBuild.Value;
    public Task<BuildResult> SingleBuildAsync() => singleBuild.Value;
    public Task<ImageInfo> MultiInfoAsync() => multiInfo.Value;
    public Task<ImageInfo> SingleInfoAsync() => singleInfo.Value;
    public Task<IReadOnlyList<string>> FilesAsync() => files.Value;
    public Task<RunOutcome> RunAsync() => run.Value;
    public Task<HttpAnswer> SingleRootAsync() => singleRoot.Value;
    public Task<BuildResult> SourceChangeRebuildAsync() => sourceChangeRebuild.Value;
    public Task<InputOutcome> InputRunAsync(string row) => inputRuns.Value[row];
    public Task<LoadedStop> LoadedStopAsync(ClientLoad load) => loadedStops[load].Value;

    public string LogFile(string kind) => Path.Combine(fixture.BuildLogDirectory, $"{Key}-{kind}.log");

    private static Lazy<Task<T>> Once<T>(Func<Task<T>> work) => new(work, LazyThreadSafetyMode.ExecutionAndPublication);

    private async Task<string> GenerateAsync()
    {
        var output = Path.Combine(fixture.WorkDirectory, Key, "project");
        var hive = await fixture.HiveAsync();
        var result = await hive.InstantiateAsync(Variant.Template.ShortName, output, ["-n", ProjectName, .. Variant.TemplateOptions]);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"dotnet new for {Variant.Id} failed:\n{result.Describe()}");
        }

        return output;
    }

    private async Task<BuildResult> BuildAsync(string dockerfile, string tag, string kind)
    {
        var directory = await generated.Value;
        fixture.TrackImage(tag);
        var result = await fixture.Builder.BuildAsync(new BuildRequest(directory, dockerfile, tag)
        {
            BuildArguments = await fixture.Indexes.BuildArgumentsAsync(Variant.Template.PackageIndexBuildArg),
            LogFile = LogFile(kind),
        });
        return result.Succeeded ? result : throw new InvalidOperationException($"{Variant.Id}: {result.Describe()}");
    }

    /// <summary>The hardened run: read-only root, only /tmp writable, no capabilities, loopback only.</summary>
    private async Task<RunOutcome> RunHardenedAsync()
    {
        await MultiBuildAsync();
        var container = $"{Name}-run";
        var port = FreeLoopbackPort.Next();
        var options = new ContainerRunOptions(MultiTag, container)
        {
            Environment = new Dictionary<string, string> { ["PORT"] = $"{port}", ["HOST"] = "127.0.0.1" },
            // The image's own HEALTHCHECK decides; a short interval only saves waiting for its first run.
            HealthInterval = TimeSpan.FromSeconds(1),
        };
        try
        {
            await fixture.Containers.RunDetachedAsync(options);
            Exception? healthFailure = null;
            try
            {
                await fixture.Containers.WaitUntilHealthyAsync(container, HealthTimeout);
            }
            catch (InvalidOperationException e)
            {
                healthFailure = e;
            }

            var root = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(10));
            var healthz = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(10));
            var beforeStop = await fixture.Containers.StateAsync(container);
            StoppedContainer? stopped = null;
            Exception? stopFailure = null;
            try
            {
                stopped = await fixture.Containers.StopAsync(container);
            }
            catch (DockerCommandException e)
            {
                stopFailure = e;
            }

            return new RunOutcome(container, healthFailure, root, healthz, beforeStop, stopped, stopFailure);
        }
        finally
        {
            await fixture.Containers.RemoveAsync(container);
        }
    }

    /// <summary>The naive image, run plainly: it must at least work.</summary>
    private async Task<HttpAnswer> RunSingleStageAsync()
    {
        await SingleBuildAsync();
        var container = $"{Name}-single";
        var port = FreeLoopbackPort.Next();
        var options = new ContainerRunOptions(SingleTag, container)
        {
            Environment = new Dictionary<string, string> { ["PORT"] = $"{port}", ["HOST"] = "127.0.0.1" },
            ReadOnly = false,
            Tmpfs = null,
            DropAllCapabilities = false,
        };
        try
        {
            await fixture.Containers.RunDetachedAsync(options);
            var answer = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/", HealthTimeout,
                async () => (await fixture.Containers.StateAsync(container)).Running);
            return answer.Error is null
                ? answer
                : answer with { Error = $"{answer.Error}\nContainer output:\n{await fixture.Containers.LogsAsync(container)}" };
        }
        finally
        {
            await fixture.Containers.RemoveAsync(container);
        }
    }

    /// <summary>
    /// One row of the input contract: the multi-stage image started with the row's PORT, HOST and
    /// arguments (after the image's own CMD), then either healthy or exited with its first line.
    /// </summary>
    private async Task<InputOutcome> RunWithInputAsync(InputCase row)
    {
        var info = await MultiInfoAsync();
        await fixture.ContainerSlots.WaitAsync();
        var container = $"{Name}-input-{row.Name}";
        try
        {
            var onLoopbackPort = row.Serves && row.Port is null;
            var environment = new Dictionary<string, string>();
            if ((row.Port ?? (onLoopbackPort ? $"{FreeLoopbackPort.Next()}" : null)) is { } port)
            {
                environment["PORT"] = port;
            }

            if ((row.Host ?? (onLoopbackPort ? "127.0.0.1" : null)) is { } host)
            {
                environment["HOST"] = host;
            }

            await fixture.Containers.RunDetachedAsync(new ContainerRunOptions(MultiTag, container)
            {
                Environment = environment,
                // Rows that need no client run with no network: the template's default port cannot clash there.
                NoNetwork = !onLoopbackPort,
                HealthInterval = TimeSpan.FromSeconds(1),
                Command = row.Arguments.Count == 0 ? [] : [.. info.Cmd, .. row.Arguments],
            });
            try
            {
                if (row.Serves)
                {
                    await fixture.Containers.WaitUntilHealthyAsync(container, HealthTimeout);
                    return new InputOutcome(row, null, "", null);
                }

                var state = await fixture.Containers.WaitUntilExitedAsync(container, TimeSpan.FromSeconds(60));
                return new InputOutcome(row, state, await fixture.Containers.LogsAsync(container), null);
            }
            catch (InvalidOperationException e)
            {
                return new InputOutcome(row, null, "", e.Message);
            }
        }
        finally
        {
            await fixture.Containers.RemoveAsync(container);
            fixture.ContainerSlots.Release();
        }
    }

    /// <summary>The hardened run again, stopped while a client holds a connection open.</summary>
    private async Task<LoadedStop> StopUnderLoadAsync(ClientLoad load)
    {
        await MultiBuildAsync();
        var container = $"{Name}-load-{load.ToString().ToLowerInvariant()}";
        var port = FreeLoopbackPort.Next();
        try
        {
            await fixture.Containers.RunDetachedAsync(new ContainerRunOptions(MultiTag, container)
            {
                Environment = new Dictionary<string, string> { ["PORT"] = $"{port}", ["HOST"] = "127.0.0.1" },
            });
            var answer = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/", HealthTimeout,
                async () => (await fixture.Containers.StateAsync(container)).Running);
            if (answer.Error is not null)
            {
                return new LoadedStop(load, answer, null);
            }

            using var client = await HttpProbe.HoldAsync(port, load);
            return new LoadedStop(load, answer, await fixture.Containers.StopAsync(container));
        }
        finally
        {
            await fixture.Containers.RemoveAsync(container);
        }
    }

    /// <summary>
    /// Touches only a source file and rebuilds: the dependency step must come from the cache. The change
    /// is new for every variant and run (see <see cref="SourceChange"/>), so no earlier cache hides it.
    /// </summary>
    private async Task<BuildResult> RebuildAfterSourceChangeAsync()
    {
        await MultiBuildAsync();
        var directory = await generated.Value;
        var source = Path.Combine(directory, Variant.Template.SourceFile);
        if (!File.Exists(source))
        {
            throw new InvalidOperationException(
                $"{Variant.Id}: sourceFile '{Variant.Template.SourceFile}' (multistage.json) is not in the generated project {directory}.");
        }

        await SourceChange.AppendInertLineAsync(source);
        fixture.TrackImage(RebuiltTag);
        return await fixture.Builder.BuildAsync(new BuildRequest(directory, "Dockerfile", RebuiltTag)
        {
            BuildArguments = await fixture.Indexes.BuildArgumentsAsync(Variant.Template.PackageIndexBuildArg),
            LogFile = LogFile("rebuild"),
        });
    }
}
