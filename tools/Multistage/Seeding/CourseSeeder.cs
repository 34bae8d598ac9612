using Multistage.Cli.Rendering;
using Multistage.Core.Templates;

namespace Multistage.Cli.Seeding;

/// <summary>Writes a course: each sample through the pack's own templates (dotnet new in a private hive,
/// so the generator keeps no copy of any template file), then the course-level files from Scriban.</summary>
public sealed class CourseSeeder
{
    /// <summary>Course-level files: embedded template name and the path it is written to.</summary>
    private static readonly (string Template, string Path)[] CourseFiles =
    [
        ("README.md", "README.md"),
        ("compose.yaml", "compose.yaml"),
        ("docker-bake.hcl", "docker-bake.hcl"),
        ("images.yml", ".github/workflows/images.yml"),
    ];

    public async Task<IReadOnlyList<string>> SeedAsync(SeedPlan plan, Action<string> progress, CancellationToken ct)
    {
        var hiveDirectory = Path.Combine(Path.GetTempPath(), $"multistage-hive-{Guid.NewGuid():N}");
        try
        {
            progress($"Installing {plan.Languages.Count} template(s) into a private hive");
            var hive = await TemplateHive.CreateAsync(hiveDirectory, plan.Languages.Select(l => l.Template.FolderPath), ct);
            var written = new List<string>();
            foreach (var (folder, exercise) in plan.SampleSets)
            {
                foreach (var language in plan.Languages)
                {
                    var target = Path.Combine(plan.OutputDirectory, folder, language.Template.Language);
                    progress($"dotnet new {language.Template.ShortName} -> {Path.GetRelativePath(plan.OutputDirectory, target)}");
                    var result = await hive.InstantiateAsync(language.Template.ShortName, target, InstantiationOptions(language, exercise, plan.Force), ct);
                    if (!result.Succeeded)
                    {
                        throw new InvalidOperationException($"dotnet new {language.Template.ShortName} failed:{Environment.NewLine}{result.Describe()}");
                    }

                    written.Add(target);
                }
            }

            var model = CourseModel.From(plan);
            foreach (var (template, relativePath) in CourseFiles)
            {
                var path = Path.Combine(plan.OutputDirectory, relativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, CourseFileRenderer.Render(template, model), ct);
                written.Add(path);
            }

            return written;
        }
        finally
        {
            if (Directory.Exists(hiveDirectory))
            {
                Directory.Delete(hiveDirectory, recursive: true);
            }
        }
    }

    private static List<string> InstantiationOptions(LanguagePlan language, bool exercise, bool force)
    {
        List<string> options = ["-n", language.ProjectName, "--runtime", language.Runtime, "--port", language.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (exercise)
        {
            options.AddRange(["--exercise", "true"]);
        }

        if (force)
        {
            // dotnet new refuses to overwrite existing files unless asked; --force asks.
            options.Add("--force");
        }

        return options;
    }
}
