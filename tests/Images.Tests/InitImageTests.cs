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
public sealed class InitImageTests(ImageFixture fixture)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

    public static TheoryData<string> Layouts() => new(InitLayouts.All.Where(l => l.ImageTest).Select(l => l.Folder));

    [ImagesTheory]
    [MemberData(nameof(Layouts))]
    public async Task Files_init_wrote_build_and_both_images_answer(string layoutName)
    {
        var layout = InitLayouts.Get(layoutName);
        var template = TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(fixture.RepositoryRoot)).Single(t => t.Language == layout.Language);
        var project = InitLayouts.CopyTo(fixture.RepositoryRoot, layoutName, Path.Combine(fixture.WorkDirectory, "init", layoutName));
        // The port is baked into ENV PORT, EXPOSE and the HEALTHCHECK: a free one, since containers share the host network.
        var port = FreeLoopbackPort.Next();

        var init = await MultistageCli.RunAsync(project, ["init", "--port", $"{port}"]);
        Assert.True(init.ExitCode == 0, $"init in {project} failed:\n{init.Describe()}");

        var name = $"multistage-test-init-{layoutName}-{fixture.RunId}";
        var arguments = await fixture.Indexes.BuildArgumentsAsync(template.PackageIndexBuildArg);
        var multi = await BuildAsync(project, "Dockerfile", $"{name}:multi", arguments, layoutName);
        var single = await BuildAsync(project, "Dockerfile.single", $"{name}:single", arguments, layoutName);

        var info = await fixture.Images.InspectAsync(multi);
        var uid = info.User.Split(':')[0];
        Assert.True(uid.Length > 0 && uid.All(char.IsAsciiDigit) && uid != "0",
            $"{layoutName}: the multi-stage image's USER is '{info.User}'; expected a numeric non-root user.");

        await RunAsync(layout, multi, $"{name}-multi", port, hardened: true, waitForHealth: info.HealthcheckTest.Count > 0);
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
