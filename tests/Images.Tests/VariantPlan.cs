using Multistage.Core.Docker;
using Multistage.Core.Templates;

namespace Images.Tests;

/// <summary>
/// Decided once, before any test runs: which variants can be built here (every base image they name is
/// in the daemon, real or stand-in, and the metadata does not say a registry is needed) and which are
/// left out, with the reason. Nothing is skipped silently: the left-out list goes into the report.
/// </summary>
public sealed record VariantPlan(
    string RepositoryRoot,
    IReadOnlyList<ImageVariant> Buildable,
    IReadOnlyList<LeftOutVariant> LeftOut)
{
    private static readonly Lazy<VariantPlan> Current = new(() => CreateAsync().GetAwaiter().GetResult());

    public static VariantPlan Get() => Current.Value;

    /// <summary>Theory data: one row per buildable variant id.</summary>
    public static TheoryData<string> BuildableIds()
    {
        var data = new TheoryData<string>();
        if (!DockerAvailability.Status.Available)
        {
            // Only reached with MULTISTAGE_REQUIRE_DOCKER=1: one row whose test fails saying why.
            data.Add(NoDaemonRow);
            return data;
        }

        var plan = Get();
        foreach (var variant in plan.Buildable)
        {
            data.Add(variant.Id);
        }

        if (plan.Buildable.Count == 0)
        {
            data.Add(NothingBuildableRow);
        }

        return data;
    }

    public const string NoDaemonRow = "(no Docker daemon)";
    public const string NothingBuildableRow = "(no buildable variant)";

    public ImageVariant Find(string id) =>
        Buildable.FirstOrDefault(variant => variant.Id == id)
        ?? throw new InvalidOperationException(id switch
        {
            NothingBuildableRow =>
                "No template variant can be built here: every one lacks a base image.\n" +
                string.Join('\n', LeftOut.Select(left => "  " + left.Describe())) +
                "\nSeed the stand-in base images: bash tools/docker/seed-base-images.sh",
            _ => $"Unknown variant '{id}'.",
        });

    private static async Task<VariantPlan> CreateAsync()
    {
        var root = RepositoryLayout.FindRoot();
        var templates = TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(root));
        var present = DockerAvailability.Status.Available
            ? await new DockerImages(DockerCli.FromEnvironment()).ListTagsAsync()
            : new HashSet<string>();
        var buildable = new List<ImageVariant>();
        var leftOut = new List<LeftOutVariant>();
        foreach (var template in templates)
        {
            foreach (var runtime in template.Runtimes.Values)
            {
                var variant = new ImageVariant(template, runtime);
                var missing = variant.BaseImages.Where(image => !present.Contains(WithTag(image))).ToList();
                if (runtime.NeedsRegistry is { } reason)
                {
                    leftOut.Add(new LeftOutVariant(variant.Id, reason));
                }
                else if (missing.Count > 0)
                {
                    leftOut.Add(new LeftOutVariant(variant.Id, $"base image(s) not in the daemon: {string.Join(", ", missing)}"));
                }
                else
                {
                    buildable.Add(variant);
                }
            }
        }

        return new VariantPlan(root, buildable, leftOut);
    }

    /// <summary>`docker image ls` always shows a tag; a FROM without one means `latest`.</summary>
    private static string WithTag(string image)
    {
        var lastSlash = image.LastIndexOf('/');
        return image.IndexOf(':', lastSlash + 1) >= 0 ? image : image + ":latest";
    }
}
