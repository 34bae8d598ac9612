using Multistage.Cli.Seeding;
using Multistage.Core.Templates;

namespace Templates.Tests.Generator;

/// <summary>Runs <c>seed</c> in-process, exactly as SeedCommand does: plan (every check), then write.</summary>
public static class CourseSeeding
{
    private static readonly Lazy<IReadOnlyList<TemplateMetadata>> LazyCatalog =
        new(() => TemplateCatalog.LoadRepository());

    /// <summary>The languages of the pack, read from the catalog like the generator reads them.</summary>
    public static IReadOnlyList<TemplateMetadata> Catalog => LazyCatalog.Value;

    /// <summary>Plans and seeds; a <see cref="SeedInputException"/> escapes before anything is written.</summary>
    public static async Task<SeedPlan> SeedAsync(SeedSettings settings)
    {
        var plan = SeedPlanner.Plan(settings, Catalog, RepositoryLayout.TemplatesDirectory(RepositoryLayout.FindRoot()));
        await new CourseSeeder().SeedAsync(plan, _ => { }, CancellationToken.None);
        return plan;
    }

    /// <summary>Every file under <paramref name="root"/> (dotfiles included), relative, '/'-separated, sorted.</summary>
    public static IReadOnlyList<string> Files(string root) => Infrastructure.FileTree.RelativeFiles(root);
}
