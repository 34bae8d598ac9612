using Multistage.Core.Net;
using Multistage.Core.Docker;
using Multistage.Core.Pipeline;
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

    private static readonly TimeSpan HealthTimeout = SampleRun.HealthTimeout;

    private readonly ImageFixture fixture;
    private readonly Lazy<Task<string>> generated;
    private readonly Lazy<Task<SampleRun>> pipeline;
    private readonly Lazy<Task<HttpAnswer>> singleRoot;
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
        pipeline = Once(CreatePipelineAsync);
        singleRoot = Once(RunSingleStageAsync);
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
    public bool MultiBuilt => Pipeline is { MultiBuilt: true };
    public bool SingleBuilt => Pipeline is { SingleBuilt: true };

    // The core steps are Core's pipeline (the one `multistage check` grades with); a failed build
    // throws here with its log, so every test that needs the image reports the same cause.
    public async Task<BuildResult> MultiBuildAsync() => Succeeded(await (await pipeline.Value).MultiBuildAsync());
    public async Task<BuildResult> SingleBuildAsync() => Succeeded(await (await pipeline.Value).SingleBuildAsync());
    public async Task<ImageInfo> MultiInfoAsync() => await (await pipeline.Value).MultiInfoAsync();
    public async Task<ImageInfo> SingleInfoAsync() => await (await pipeline.Value).SingleInfoAsync();
    public async Task<IReadOnlyList<string>> FilesAsync() => await (await pipeline.Value).FilesAsync();
    public async Task<RunOutcome> RunAsync() => await (await pipeline.Value).RunAsync();
    public async Task<BuildResult> SourceChangeRebuildAsync() => await (await pipeline.Value).SourceChangeRebuildAsync();
    public Task<HttpAnswer> SingleRootAsync() => singleRoot.Value;

    /// <summary>One check of `multistage check` on this variant's pipeline (its steps run once, whichever check asks first).</summary>
    public async Task<CheckOutcome> GradeAsync(string checkId)
    {
        var check = SampleChecks.All.Single(candidate => candidate.Id == checkId);
        return (await SampleGrader.GradeAsync(await pipeline.Value, [check]))[0];
    }
    public Task<InputOutcome> InputRunAsync(string row) => inputRuns.Value[row];
    public Task<LoadedStop> LoadedStopAsync(ClientLoad load) => loadedStops[load].Value;

    /// <summary>The generated project the images are built from.</summary>
    public Task<string> ProjectDirectoryAsync() => generated.Value;

    /// <summary>Where the pipeline writes the build log of one kind (multi, single, rebuild).</summary>
    public string LogFile(string kind) => $"{LogPrefix}-{kind}.log";

    private string LogPrefix => Path.Combine(fixture.BuildLogDirectory, Key);

    /// <summary>The pipeline, once it exists (null before the first step was asked for).</summary>
    private SampleRun? Pipeline => pipeline.IsValueCreated && pipeline.Value.IsCompletedSuccessfully ? pipeline.Value.Result : null;

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

    private async Task<SampleRun> CreatePipelineAsync()
    {
        var directory = await generated.Value;
        var context = new SampleRunContext(
            fixture.Docker,
            await fixture.NetworkAsync(),
            await fixture.Indexes.BuildArgumentsAsync(Variant.Template.PackageIndexBuildArg),
            Name,
            LogPrefix,
            fixture.TrackImage);
        return new SampleRun(context, Variant.Template, directory);
    }

    private BuildResult Succeeded(BuildResult result) =>
        result.Succeeded ? result : throw new InvalidOperationException($"{Variant.Id}: {result.Describe()}");

    /// <summary>The naive image, run plainly: it must at least work.</summary>
    private async Task<HttpAnswer> RunSingleStageAsync()
    {
        await SingleBuildAsync();
        var container = $"{Name}-single";
        var port = FreeLoopbackPort.Next();
        var options = ContainerRunOptions.Serving(SingleTag, container, await fixture.NetworkAsync(), port) with
        {
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
        try
        {
            var command = row.Arguments.Count == 0 ? (IReadOnlyList<string>)[] : [.. info.Cmd, .. row.Arguments];
            return row.Serves ? await ServeWithInputAsync(row, command) : await RefuseInputAsync(row, command);
        }
        finally
        {
            fixture.ContainerSlots.Release();
        }
    }

    /// <summary>A serving row: detached, until healthy. One that serves on the default port gets a free one,
    /// reached as the engine allows.</summary>
    private async Task<InputOutcome> ServeWithInputAsync(InputCase row, IReadOnlyList<string> command)
    {
        var container = $"{Name}-input-{row.Name}";
        var onLoopbackPort = row.Port is null;
        var network = await fixture.NetworkAsync();
        int? loopbackPort = onLoopbackPort ? FreeLoopbackPort.Next() : null;
        try
        {
            await fixture.Containers.RunDetachedAsync(new ContainerRunOptions(MultiTag, container)
            {
                Environment = InputEnvironment(row, loopbackPort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    onLoopbackPort ? network.ListenAddress() : null),
                // PORT empty serves on the template's default port: with no network, it cannot clash there.
                NoNetwork = !onLoopbackPort,
                Network = network,
                Port = loopbackPort,
                HealthInterval = TimeSpan.FromSeconds(1),
                Command = command,
            });
            await fixture.Containers.WaitUntilHealthyAsync(container, HealthTimeout);
            return new InputOutcome(row, null, "", null);
        }
        catch (InvalidOperationException e)
        {
            return new InputOutcome(row, null, "", e.Message);
        }
        finally
        {
            await fixture.Containers.RemoveAsync(container);
        }
    }

    /// <summary>A refusing row: in the foreground with no network, to its exit (one docker call, removed by --rm).</summary>
    private async Task<InputOutcome> RefuseInputAsync(InputCase row, IReadOnlyList<string> command)
    {
        try
        {
            var exited = await fixture.Containers.RunToExitAsync(new ContainerRunOptions(MultiTag, $"{Name}-input-{row.Name}")
            {
                Environment = InputEnvironment(row, null, null),
                NoNetwork = true,
                Command = command,
            }, TimeSpan.FromSeconds(60));
            return new InputOutcome(row, exited.ExitCode, exited.Output, null);
        }
        catch (InvalidOperationException e)
        {
            return new InputOutcome(row, null, "", e.Message);
        }
    }

    /// <summary>The row's PORT and HOST, or the given ones where the row sets none.</summary>
    private static Dictionary<string, string> InputEnvironment(InputCase row, string? port, string? host)
    {
        var environment = new Dictionary<string, string>();
        if ((row.Port ?? port) is { } chosenPort)
        {
            environment["PORT"] = chosenPort;
        }

        if ((row.Host ?? host) is { } chosenHost)
        {
            environment["HOST"] = chosenHost;
        }

        return environment;
    }

    /// <summary>The hardened run again, stopped while a client holds a connection open.</summary>
    private async Task<LoadedStop> StopUnderLoadAsync(ClientLoad load)
    {
        await MultiBuildAsync();
        var container = $"{Name}-load-{load.ToString().ToLowerInvariant()}";
        var port = FreeLoopbackPort.Next();
        try
        {
            await fixture.Containers.RunDetachedAsync(ContainerRunOptions.Serving(MultiTag, container, await fixture.NetworkAsync(), port));
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
}
