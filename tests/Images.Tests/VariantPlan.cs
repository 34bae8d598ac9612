using Multistage.Core.Docker;
using Multistage.Core.Templates;

namespace Images.Tests;

/// <summary>
/// The variants the image tests cover: every runtime of every template, read from the catalog alone, so each
/// one is a test case before Docker is asked anything. A runtime whose metadata says it needs a registry is
/// not a case (it cannot be built on a machine without one; `multistage catalog` and compare's report say so).
/// Whether a variant's base images are in the daemon is asked when a test first uses it.
/// </summary>
public static class VariantPlan
{
    private static readonly Lazy<IReadOnlyList<ImageVariant>> Variants = new(LoadVariants);

    // Listed once, at run time; Task.Run for the same reason as DockerAvailability's probe.
    private static readonly Lazy<IReadOnlySet<string>> PresentTags = new(() =>
        Task.Run(() => new DockerImages(DockerCli.FromEnvironment()).ListTagsAsync()).GetAwaiter().GetResult());

    public static IReadOnlyList<ImageVariant> All => Variants.Value;

    /// <summary>Theory data: one row per variant id.</summary>
    public static TheoryData<string> Ids() => new(All.Select(variant => variant.Id));

    /// <summary>Theory data: each template's default variant.</summary>
    public static TheoryData<string> DefaultIds() => new(All.Where(variant => variant.IsDefault).Select(variant => variant.Id));

    /// <summary>The languages with at least one variant.</summary>
    public static IReadOnlyList<string> Languages() => All.Select(variant => variant.Template.Language).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The variant, once its base images are known to be in the daemon (real or stand-in). A missing one skips
    /// the test outside CI and fails it in CI, naming the images and the script that seeds them.
    /// </summary>
    public static ImageVariant Require(string id)
    {
        var variant = All.FirstOrDefault(candidate => candidate.Id == id)
            ?? throw new InvalidOperationException($"Unknown variant '{id}'.");
        DockerAvailability.RequireDaemon();
        var missing = variant.BaseImages.Where(image => !PresentTags.Value.Contains(WithTag(image))).ToList();
        if (missing.Count > 0)
        {
            DockerAvailability.SkipOrFail(
                "base images are not in the daemon", "bash tools/docker/seed-base-images.sh (stand-ins where no registry answers)",
                $"{id} needs {string.Join(", ", missing)}");
        }

        return variant;
    }

    private static IReadOnlyList<ImageVariant> LoadVariants() =>
        TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(RepositoryLayout.FindRoot()))
            .SelectMany(template => template.Runtimes.Values
                .Where(runtime => runtime.NeedsRegistry is null)
                .Select(runtime => new ImageVariant(template, runtime)))
            .ToList();

    /// <summary>`docker image ls` always shows a tag; a FROM without one means `latest`.</summary>
    private static string WithTag(string image)
    {
        var lastSlash = image.LastIndexOf('/');
        return image.IndexOf(':', lastSlash + 1) >= 0 ? image : image + ":latest";
    }
}
