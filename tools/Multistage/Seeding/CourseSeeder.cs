using Multistage.Cli.Rendering;
using Multistage.Core.Pipeline;
using Multistage.Core.Templates;

namespace Multistage.Cli.Seeding;

/// <summary>Writes a course: each sample through the pack's own templates (dotnet new in a private hive,
/// so the generator keeps no copy of any template file), then the course-level files from Scriban.</summary>
public sealed class CourseSeeder
{
    /// <summary>Course-level files: embedded template name and the path it is written to.</summary>
    public static readonly IReadOnlyList<CourseFile> CourseFiles =
    [
        new("README.md", "README.md"),
        new("compose.yaml", "compose.yaml"),
        new("docker-bake.hcl", "docker-bake.hcl"),
        new("images.yml", ".github/workflows/images.yml"),
        // Only a course with exercises has anything to grade.
        new("grade.yml", ".github/workflows/grade.yml") { When = plan => plan.Mode != SeedMode.Solution },
    ];

    /// <summary>Writes the course into a private folder beside the output, then moves it into place
    /// (<see cref="CourseFolderSwap"/>): cancelled or failed, it leaves the output folder as it was.</summary>
    public async Task SeedAsync(SeedPlan plan, Action<string> progress, CancellationToken ct)
    {
        var hiveDirectory = Path.Combine(Path.GetTempPath(), $"multistage-hive-{Guid.NewGuid():N}");
        var staging = CourseFolderSwap.CreateSibling(plan.OutputDirectory, "seeding");
        try
        {
            progress($"Installing {plan.Languages.Count} template(s) into a private hive");
            var hive = await TemplateHive.CreateAsync(hiveDirectory, plan.Languages.Select(l => l.Template.FolderPath), ct);
            // The hive runs several dotnet new calls at once (one per core); the files written do not depend on the order.
            await Task.WhenAll(plan.SampleSets.SelectMany(set => plan.Languages.Select(language => (set.Folder, set.Exercise, language)))
                .Select(async sample =>
                {
                    var relative = Path.Combine(sample.Folder, sample.language.Template.Language);
                    progress($"dotnet new {sample.language.Template.ShortName} -> {relative}");
                    var result = await hive.InstantiateAsync(sample.language.Template.ShortName, Path.Combine(staging, relative), InstantiationOptions(sample.language, sample.Exercise), ct);
                    if (!result.Succeeded)
                    {
                        throw new InvalidOperationException($"dotnet new {sample.language.Template.ShortName} failed:{Environment.NewLine}{result.Describe()}");
                    }
                }));

            if (plan.Pitfalls)
            {
                await WritePitfallsAsync(plan, hive, staging, progress, ct);
            }

            var model = CourseModel.From(plan);
            foreach (var (template, relativePath) in CourseFiles.Where(f => f.When(plan)))
            {
                var path = Path.Combine(staging, relativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, CourseFileRenderer.Render(template, model), ct);
            }

            // The last step, and not cancellable: a few renames that leave the old course or the new one.
            CourseFolderSwap.Commit(staging, plan.OutputDirectory, [.. plan.SampleFolders, PitfallSample.FolderName, .. CourseFiles.Select(f => f.Path)]);
        }
        finally
        {
            // The staging folder first, as it sits beside the user's output; each removal is tried even if the other fails.
            var left = new[] { staging, hiveDirectory }.Where(folder => !TryDelete(folder)).ToList();
            if (left.Count > 0)
            {
                progress($"Could not remove {string.Join(" and ", left)}: delete it by hand");
            }
        }
    }

    /// <summary>Each language's pitfalls: the sample on the pitfall's runtime, with its edit applied (a lesson
    /// without an edit: its README alone).</summary>
    private static async Task WritePitfallsAsync(SeedPlan plan, TemplateHive hive, string staging, Action<string> progress, CancellationToken ct)
    {
        await Task.WhenAll(plan.Languages.SelectMany(language => Pitfall.LoadFor(language.Template).Select(pitfall => (language, pitfall)))
            .Select(async lesson =>
            {
                var (language, pitfall) = lesson;
                var relative = PitfallSample.Folder(language, pitfall);
                progress($"pitfall {pitfall.Name} -> {relative}");
                // The template's default runtime, not the course's: the edits are written for it.
                var onRuntime = language with { Runtime = pitfall.RuntimeOf(language.Template) };
                var target = Path.Combine(staging, relative);
                // A lesson with no edit has no sample of its own: its README says what to know.
                var result = pitfall.Edits is { Count: > 0 } ? await hive.InstantiateAsync(language.Template.ShortName, target, InstantiationOptions(onRuntime, exercise: false), ct) : null;
                if (result is { Succeeded: false })
                {
                    throw new InvalidOperationException($"dotnet new {language.Template.ShortName} for pitfall {pitfall.Name} failed:{Environment.NewLine}{result.Describe()}");
                }

                await PitfallSample.CompleteAsync(target, language, pitfall, ct);
            }));
    }

    /// <summary>Removes a folder if it is there; false if it is still there (a file held open, a read-only mount).</summary>
    private static bool TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return true;
    }

    /// <summary>A course-level file: its embedded Scriban template, where it goes, and when a course has it.</summary>
    public sealed record CourseFile(string Template, string Path)
    {
        public Func<SeedPlan, bool> When { get; init; } = _ => true;
    }

    /// <summary>`dotnet new` options for one sample (compare makes the other runtime choices with them too).</summary>
    internal static List<string> InstantiationOptions(LanguagePlan language, bool exercise)
    {
        List<string> options = ["-n", language.ProjectName, "--runtime", language.Runtime, "--port", language.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (exercise)
        {
            options.AddRange(["--exercise", "true"]);
        }

        return options;
    }
}
