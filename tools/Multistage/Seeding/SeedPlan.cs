using Multistage.Core.Templates;

namespace Multistage.Cli.Seeding;

/// <summary>One language of a course: which template, which final-stage base, which port.</summary>
public sealed record LanguagePlan(TemplateMetadata Template, string Runtime, int Port)
{
    public RuntimeChoice RuntimeChoice => Template.Runtimes[Runtime];

    /// <summary>The sample's project name; <c>dotnet new -n</c> derives module, package and image names from it.</summary>
    public string ProjectName => $"hello-{Template.Language}";
}

/// <summary>A checked seed request: everything <see cref="CourseSeeder"/> needs, nothing left to validate.</summary>
/// <param name="CatalogLanguages">Every language of the template set, seeded or not: their folders are a seed's to replace.</param>
public sealed record SeedPlan(string OutputDirectory, SeedMode Mode, IReadOnlyList<LanguagePlan> Languages, bool Force, IReadOnlyList<string> CatalogLanguages)
{
    /// <summary>Also write pitfalls/: each language's pitfalls as runnable samples (seed --pitfalls).</summary>
    public bool Pitfalls { get; init; }

    /// <summary>The sample folders any seed may write (in any mode): --force replaces them whole, so a
    /// course never mixes modes or keeps a sample the new seed does not write.</summary>
    public IReadOnlyList<string> SampleFolders =>
        [.. CatalogLanguages, .. new[] { "starter", "solution" }.Where(f => !CatalogLanguages.Contains(f))];

    /// <summary>The folders (relative to the course root) that receive a copy of every sample, with the
    /// exercise flag each one is instantiated with.</summary>
    public IReadOnlyList<(string Folder, bool Exercise)> SampleSets => Mode switch
    {
        SeedMode.Solution => [("", false)],
        SeedMode.Starter => [("", true)],
        _ => [("starter", true), ("solution", false)],
    };

    /// <summary>The folder whose samples the course-level build files (compose, bake, CI) point at.</summary>
    public string BuildFolder => Mode == SeedMode.Both ? "solution" : "";

    /// <summary>Starter samples hold only the single-stage Dockerfile; the learner writes the other.</summary>
    public IReadOnlyList<string> BuildableDockerfiles =>
        Mode == SeedMode.Starter ? ["Dockerfile.single"] : ["Dockerfile", "Dockerfile.single"];
}
