using Multistage.Core.Docker;
using Multistage.Core.Net;
using Multistage.Core.Templates;
using Multistage.Tests.Shared;

namespace Images.Tests;

/// <summary>
/// `multistage init` in a copy of a real-shaped project (one layout per language, tests/InitProjects),
/// then what it wrote must build and run: the multi-stage image hardened (read-only, no capabilities,
/// numeric non-root user, healthy where it has a HEALTHCHECK), the single-stage image plainly.
/// </summary>
[Collection(ImagesCollection.Name)]
[Trait("Category", "Images")]
public sealed class InitImageTests(ImageFixture fixture) : NeedsDocker
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Each image-tested layout (a greeting in its .init-test.json) with the runtime init picks, and
    /// with each runtime its expectations add.</summary>
    public static TheoryData<string, string> Variants()
    {
        var rows = new TheoryData<string, string>();
        foreach (var layout in InitLayouts.All.Where(l => l.ImageTest))
        {
            rows.Add(layout.Folder, DetectedRuntime);
            foreach (var runtime in layout.AlsoRuntimes)
            {
                rows.Add(layout.Folder, runtime);
            }
        }

        return rows;
    }

    /// <summary>The row that runs init without --runtime.</summary>
    public const string DetectedRuntime = "detected";

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Files_init_wrote_build_and_both_images_answer(string layoutName, string runtime)
    {
        var layout = InitLayouts.Get(layoutName);
        var template = TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(fixture.RepositoryRoot)).Single(t => t.Language == layout.Language);
        var slug = $"{layoutName}-{runtime}";
        var project = InitLayouts.CopyTo(fixture.RepositoryRoot, layoutName, Path.Combine(fixture.WorkDirectory, "init", slug));
        // The port is baked into ENV PORT, EXPOSE and the HEALTHCHECK: a free one, since containers share the host network.
        var port = FreeLoopbackPort.Next();

        List<string> arguments = ["init", "--port", $"{port}"];
        if (runtime != DetectedRuntime)
        {
            arguments.AddRange(["--runtime", runtime]);
        }

        var init = await MultistageCli.RunAsync(project, arguments);
        Assert.True(init.ExitCode == 0, $"init in {project} failed:\n{init.Describe()}");

        var name = $"multistage-test-init-{slug}-{fixture.RunId}";
        var buildArguments = await fixture.Indexes.BuildArgumentsAsync(template.PackageIndexBuildArg);
        var multi = await BuildAsync(project, "Dockerfile", $"{name}:multi", buildArguments, slug);
        var single = await BuildAsync(project, "Dockerfile.single", $"{name}:single", buildArguments, slug);

        var info = await fixture.Images.InspectAsync(multi, cancellationToken: TestContext.Current.CancellationToken);
        var uid = info.User.Split(':')[0];
        Assert.True(uid.Length > 0 && uid.All(char.IsAsciiDigit) && uid != "0",
            $"{slug}: the multi-stage image's USER is '{info.User}'; expected a numeric non-root user.");

        var probed = info.HealthcheckTest.Count > 0;
        await RunAsync(layout, multi, $"{name}-multi", port, hardened: true, waitForHealth: probed);
        await RunAsync(layout, single, $"{name}-single", port, hardened: false, waitForHealth: false);
    }

    private async Task<string> BuildAsync(string project, string dockerfile, string tag, IReadOnlyDictionary<string, string> arguments, string layout)
    {
        fixture.TrackImage(tag);
        var log = Path.Combine(fixture.BuildLogDirectory, $"init-{layout}-{dockerfile}.log");
        var result = await fixture.Builder.BuildAsync(new BuildRequest(project, dockerfile, tag) { BuildArguments = arguments, LogFile = log, Network = await fixture.NetworkAsync() });
        Assert.True(result.Succeeded, $"{layout}: docker build -f {dockerfile} of what init wrote in {project} failed (log: {log}):\n{result.Describe()}");
        return tag;
    }

    private async Task RunAsync(InitLayout layout, string image, string container, int port, bool hardened, bool waitForHealth)
    {
        var options = ContainerRunOptions.Serving(image, container, await fixture.NetworkAsync(), port) with
        {
            ReadOnly = hardened,
            Tmpfs = hardened ? "/tmp" : null,
            DropAllCapabilities = hardened,
            HealthInterval = waitForHealth ? TimeSpan.FromSeconds(1) : null,
        };
        try
        {
            await fixture.Containers.RunDetachedAsync(options);
            var answer = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/", AnswerTimeout,
                async () => (await fixture.Containers.StateAsync(container)).Running);
            Assert.True(answer.Status == 200 && answer.Body.Contains(layout.Greeting, StringComparison.Ordinal),
                $"{layout.Folder}: {image} on port {port} answered {answer.Status} '{answer.Body}' {answer.Error}; expected 200 with '{layout.Greeting}'.\n" +
                $"Container output:\n{await fixture.Containers.LogsAsync(container)}");
            if (waitForHealth)
            {
                var state = await fixture.Containers.WaitUntilHealthyAsync(container, AnswerTimeout);
                Assert.Equal("healthy", state.Health);
            }
        }
        finally
        {
            await fixture.Containers.RemoveAsync(container);
        }
    }
}
