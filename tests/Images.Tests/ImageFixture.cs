using System.Collections.Concurrent;
using Multistage.Core.Docker;
using Multistage.Core.Templates;

namespace Images.Tests;

/// <summary>
/// Shared by every image test: builds each variant once, lazily, and after the run removes every image
/// and container it made (also after failures). The measured sizes are compare's report (docs/comparison.md).
/// </summary>
public sealed class ImageFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, VariantImages> variants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VariantImages> namedVariants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Names.SourceChecks> sourceChecks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> images = new(StringComparer.Ordinal);
    private readonly Lazy<Task<TemplateHive>> hive;
    private readonly Lazy<Task<NetworkMode>> network;

    public ImageFixture()
    {
        var docker = DockerCli.FromEnvironment();
        Builder = new DockerBuilder(docker);
        Containers = new DockerContainers(docker);
        Images = new DockerImages(docker);
        RepositoryRoot = RepositoryLayout.FindRoot();
        RunId = Guid.NewGuid().ToString("N")[..8];
        WorkDirectory = TempFolder.NewPath($"images-{RunId}");
        ArtifactsDirectory = Path.Combine(RepositoryRoot, "artifacts");
        BuildLogDirectory = Path.Combine(ArtifactsDirectory, "build-logs");
        Indexes = new LocalPackageIndexes(RepositoryRoot);
        Docker = docker;
        network = new Lazy<Task<NetworkMode>>(() => NetworkChoice.DetectAsync(docker));
        hive = new Lazy<Task<TemplateHive>>(() => CloneHive.CreateAsync(Path.Combine(WorkDirectory, "hive")));
    }

    public DockerCli Docker { get; }
    public DockerBuilder Builder { get; }
    public DockerContainers Containers { get; }
    public DockerImages Images { get; }
    public LocalPackageIndexes Indexes { get; }

    /// <summary>How many short-lived test containers (input contract rows) run at once on this small machine.</summary>
    public SemaphoreSlim ContainerSlots { get; } = new(4, 4);
    public string RepositoryRoot { get; }
    public string RunId { get; }
    public string WorkDirectory { get; }
    public string ArtifactsDirectory { get; }
    public string BuildLogDirectory { get; }

    public Task<TemplateHive> HiveAsync() => hive.Value;

    /// <summary>Host networking only where the engine has no bridge network (see <see cref="NetworkChoice"/>).</summary>
    public Task<NetworkMode> NetworkAsync() => network.Value;

    public VariantImages Get(string variantId)
    {
        var variant = VariantPlan.Require(variantId);
        return variants.GetOrAdd(variant.Id, _ => new VariantImages(this, variant));
    }

    /// <summary>A variant generated with another `dotnet new -n` (kept out of the size report).</summary>
    public VariantImages GetNamed(string variantId, string projectName)
    {
        var images = Get(variantId);
        return namedVariants.GetOrAdd($"{images.Variant.Id}\n{projectName}", _ => new VariantImages(this, images.Variant, projectName));
    }

    /// <summary>The generated-project checks of one template (by language), run once on first use.</summary>
    public Names.SourceChecks SourceChecks(string language)
    {
        var defaultVariant = VariantPlan.All.FirstOrDefault(variant => variant.Template.Language == language && variant.IsDefault)
            ?? throw new InvalidOperationException($"Template '{language}' has no default variant the image tests can build.");
        var template = VariantPlan.Require(defaultVariant.Id).Template;
        return sourceChecks.GetOrAdd(language, _ => new Names.SourceChecks(this, template));
    }

    /// <summary>Remembers an image name before it is built, so a half-finished build is cleaned up too.</summary>
    public void TrackImage(string tag) => images.TryAdd(tag, 0);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Images.RemoveAsync(images.Keys.Order(StringComparer.Ordinal));
        Indexes.Dispose();
        TempFolder.Remove(WorkDirectory);
    }
}
