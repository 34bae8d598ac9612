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

    /// <summary>The sample; bad input (<see cref="BadInputException"/>) says what to write or pass.</summary>
    public static CheckedSample Find(CheckSettings settings, IReadOnlyList<TemplateMetadata> catalog)
    {
        var directory = Path.GetFullPath(settings.Directory.Length == 0 ? "." : settings.Directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new BadInputException($"{settings.Directory} is not a folder: pass a sample folder, for example starter/go of a seeded course.");
        }

        if (!File.Exists(Path.Combine(directory, "Dockerfile")))
        {
            throw new BadInputException(NoDockerfile(directory, catalog));
        }

        if (!File.Exists(Path.Combine(directory, "Dockerfile.single")))
        {
            throw new BadInputException($"There is no Dockerfile.single in {UserPath.Display(directory)}: check compares your image with the single-stage one; keep the file the template made.");
        }

        return File.Exists(Path.Combine(directory, InitReadme))
            ? FindProject(directory, settings.Language, catalog)
            : new CheckedSample(directory, Identify(directory, settings.Language, catalog));
    }

    /// <summary>What to do in a folder without a Dockerfile: in a course's root, pick a sample; in a starter,
    /// write it (its EXERCISE.md, where there is one, says what it must do).</summary>
    private static string NoDockerfile(string directory, IReadOnlyList<TemplateMetadata> catalog)
    {
        var where = UserPath.Display(directory);
        var samples = catalog.Select(t => t.Language).Prepend("starter").Prepend("solution")
            .Where(folder => System.IO.Directory.Exists(Path.Combine(directory, folder)))
            .ToList();
        if (samples.Count > 0)
        {
            var example = samples.Contains("starter") ? Path.Combine(directory, "starter", catalog[0].Language) : Path.Combine(directory, samples[^1]);
            return $"There is no Dockerfile in {where}, a course's root ({string.Join(", ", samples)}): check grades one sample folder; pass it, for example `{SelfCommand.With("check", UserPath.Display(example))}`.";
        }

        var exercise = File.Exists(Path.Combine(directory, "EXERCISE.md")) ? " (EXERCISE.md beside it says what it must do)" : "";
        return $"There is no Dockerfile in {where}: write the multi-stage Dockerfile at {UserPath.Display(Path.Combine(directory, "Dockerfile"))}{exercise}, then run check again.";
    }

    /// <summary>An init'd project: its language's detector reads it again, as init did.</summary>
    private static CheckedSample FindProject(string directory, string? language, IReadOnlyList<TemplateMetadata> catalog)
    {
        var folder = new ProjectFolder(directory);
        var found = ProjectDetectors.DetectAll(folder)
            .Where(d => catalog.Any(t => t.Language == d.Language) && (language is null || d.Language.Equals(language, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (found.Count != 1)
        {
            throw new BadInputException(found.Count == 0
                ? $"{UserPath.Display(directory)} has {InitReadme} but no project init recognises{(language is null ? "" : $" as {language}")}: run check in the folder init wrote to."
                : $"{UserPath.Display(directory)} holds {string.Join(" and ", found.Select(d => d.Language))} projects: pass --language to choose one.");
        }

        var template = catalog.Single(t => t.Language == found[0].Language);
        var values = ItemTemplate.Load(template.Language, template.FolderPath).ValuesWith(found[0].Values.Select(v => KeyValuePair.Create(v.Option, v.Value)));
        return new CheckedSample(directory, template) { Contract = ProjectServing.Contract(values), Checks = SampleChecks.ForProjects };
    }

    private static TemplateMetadata Identify(string directory, string? language, IReadOnlyList<TemplateMetadata> catalog)
    {
        var languages = string.Join(", ", catalog.Select(t => t.Language));
        if (language is not null)
        {
            return catalog.FirstOrDefault(t => t.Language.Equals(language, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadInputException($"Unknown --language '{language}': choose from {languages}.");
        }

        // Each template names a source file of its own (main.go, app.py, ...): the folder holds one of them.
        var matches = catalog.Where(t => File.Exists(Path.Combine(directory, t.SourceFile))).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new BadInputException($"{UserPath.Display(directory)} holds none of the templates' source files ({string.Join(", ", catalog.Select(t => t.SourceFile))}): pass --language ({languages})."),
            _ => throw new BadInputException($"{UserPath.Display(directory)} looks like {string.Join(" and ", matches.Select(t => t.Language))}: pass --language to choose one."),
        };
    }
}
