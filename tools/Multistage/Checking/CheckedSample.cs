using Multistage.Core.Dockerize;
using Multistage.Core.Pipeline;
using Multistage.Core.Templates;

namespace Multistage.Cli.Checking;

/// <summary>A sample folder ready to grade: both Dockerfiles present and its template known. A template's sample
/// is graded on every check with the samples' contract; a project `init` wrote Docker files for (it has
/// README.Docker.md) is graded as `init --verify` grades it: its port and health path, read from its code.</summary>
public sealed record CheckedSample(string Directory, TemplateMetadata Template)
{
    /// <summary>The file every item template writes and no sample has: the mark of an init'd project.</summary>
    public const string InitReadme = "README.Docker.md";

    public ServingContract Contract { get; init; } = ServingContract.Samples;

    public IReadOnlyList<SampleCheck> Checks { get; init; } = SampleChecks.All;

    /// <summary>The sample, or the one line that says what to write or pass (bad input, exit 2).</summary>
    public static CheckedSample? Find(CheckSettings settings, IReadOnlyList<TemplateMetadata> catalog, out string? problem)
    {
        problem = null;
        var directory = Path.GetFullPath(settings.Directory.Length == 0 ? "." : settings.Directory);
        if (!System.IO.Directory.Exists(directory))
        {
            problem = $"{settings.Directory} is not a folder: pass a sample folder, for example starter/go of a seeded course.";
            return null;
        }

        if (!File.Exists(Path.Combine(directory, "Dockerfile")))
        {
            problem = $"There is no Dockerfile in {UserPath.Display(directory)}: write the multi-stage Dockerfile at {UserPath.Display(Path.Combine(directory, "Dockerfile"))} " +
                      "(EXERCISE.md beside it says what it must do), then run check again.";
            return null;
        }

        if (!File.Exists(Path.Combine(directory, "Dockerfile.single")))
        {
            problem = $"There is no Dockerfile.single in {UserPath.Display(directory)}: check compares your image with the single-stage one; keep the file the template made.";
            return null;
        }

        if (File.Exists(Path.Combine(directory, InitReadme)))
        {
            return FindProject(directory, settings.Language, catalog, out problem);
        }

        var template = Identify(directory, settings.Language, catalog, out problem);
        return template is null ? null : new CheckedSample(directory, template);
    }

    /// <summary>An init'd project: its language's detector reads it again, as init did.</summary>
    private static CheckedSample? FindProject(string directory, string? language, IReadOnlyList<TemplateMetadata> catalog, out string? problem)
    {
        problem = null;
        var folder = new ProjectFolder(directory);
        var found = ProjectDetectors.DetectAll(folder)
            .Where(d => catalog.Any(t => t.Language == d.Language) && (language is null || d.Language.Equals(language, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (found.Count != 1)
        {
            problem = found.Count == 0
                ? $"{UserPath.Display(directory)} has {InitReadme} but no project init recognises{(language is null ? "" : $" as {language}")}: run check in the folder init wrote to."
                : $"{UserPath.Display(directory)} holds {string.Join(" and ", found.Select(d => d.Language))} projects: pass --language to choose one.";
            return null;
        }

        var template = catalog.Single(t => t.Language == found[0].Language);
        var values = ItemTemplate.Load(template.Language, template.FolderPath).ValuesWith(found[0].Values.Select(v => KeyValuePair.Create(v.Option, v.Value)));
        return new CheckedSample(directory, template) { Contract = ProjectServing.Contract(values), Checks = SampleChecks.ForProjects };
    }

    private static TemplateMetadata? Identify(string directory, string? language, IReadOnlyList<TemplateMetadata> catalog, out string? problem)
    {
        problem = null;
        var languages = string.Join(", ", catalog.Select(t => t.Language));
        if (language is not null)
        {
            var named = catalog.FirstOrDefault(t => t.Language.Equals(language, StringComparison.OrdinalIgnoreCase));
            problem = named is null ? $"Unknown --language '{language}': choose from {languages}." : null;
            return named;
        }

        // Each template names a source file of its own (main.go, app.py, ...): the folder holds one of them.
        var matches = catalog.Where(t => File.Exists(Path.Combine(directory, t.SourceFile))).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        problem = matches.Count == 0
            ? $"{UserPath.Display(directory)} holds none of the templates' source files ({string.Join(", ", catalog.Select(t => t.SourceFile))}): pass --language ({languages})."
            : $"{UserPath.Display(directory)} looks like {string.Join(" and ", matches.Select(t => t.Language))}: pass --language to choose one.";
        return null;
    }
}
