using Multistage.Core.Pipeline;

namespace Multistage.Cli.Seeding;

/// <summary>What the course-level Scriban templates see; every per-language fact comes from the
/// template's multistage.json through <see cref="LanguagePlan"/>.</summary>
public sealed record CourseModel(
    string Mode,
    IReadOnlyList<CourseLanguage> Languages,
    IReadOnlyList<string> Dockerfiles,
    IReadOnlyList<string> SampleFolders,
    IReadOnlyList<CourseImage> Images,
    IReadOnlyList<CourseExercise> Exercises,
    IReadOnlyList<CoursePitfall> Pitfalls,
    string ToolVersion,
    WorkflowActions Actions)
{
    public static CourseModel From(SeedPlan plan)
    {
        var languages = plan.Languages.Select(l => CourseLanguage.From(l, plan)).ToList();
        var folders = plan.SampleSets.Select(s => s.Folder).Where(f => f.Length > 0).ToList();
        var images = languages
            .SelectMany(l => plan.BuildableDockerfiles.Select(d => CourseImage.From(l, d)))
            .ToList();
        var exercises = plan.SampleSets.Where(s => s.Exercise)
            .SelectMany(s => plan.Languages.Select(l => new CourseExercise(l.Template.Language, s.Folder.Length == 0 ? l.Template.Language : $"{s.Folder}/{l.Template.Language}")))
            .ToList();
        var pitfalls = plan.Pitfalls
            ? plan.Languages.SelectMany(l => Pitfall.LoadFor(l.Template).Select(p => CoursePitfall.From(l, p))).ToList()
            : [];
        return new CourseModel(plan.Mode.ToString().ToLowerInvariant(), languages, plan.BuildableDockerfiles, folders, images, exercises, pitfalls, ToolInfo.Version, WorkflowActions.Pinned);
    }
}

public sealed record CourseLanguage(
    string Language,
    string DisplayName,
    string ShortName,
    string Runtime,
    string BuilderImage,
    string RuntimeImage,
    string SingleStageImage,
    int Port,
    string ArtifactPath,
    bool Shell,
    string? PackageManager,
    string BuildContext,
    string ImageName,
    string? PackageIndexBuildArg)
{
    public static CourseLanguage From(LanguagePlan plan, SeedPlan seed)
    {
        var runtime = plan.RuntimeChoice;
        var context = seed.BuildFolder.Length == 0 ? plan.Template.Language : $"{seed.BuildFolder}/{plan.Template.Language}";
        return new CourseLanguage(
            plan.Template.Language,
            plan.Template.DisplayName,
            plan.Template.ShortName,
            plan.Runtime,
            runtime.BuilderImage,
            runtime.RuntimeImage,
            plan.Template.SingleStageImage,
            plan.Port,
            runtime.ArtifactPath,
            runtime.Shell,
            runtime.PackageManager,
            context,
            $"course-{plan.Template.Language}",
            plan.Template.PackageIndexBuildArg);
    }
}

/// <summary>One image the course builds: a language's sample with one of its Dockerfiles.</summary>
public sealed record CourseImage(string Name, string Language, string Context, string Dockerfile, string Tag, int Port)
{
    public static CourseImage From(CourseLanguage language, string dockerfile)
    {
        var single = dockerfile != "Dockerfile";
        return new CourseImage(
            single ? $"{language.Language}-single" : language.Language,
            language.Language,
            language.BuildContext,
            dockerfile,
            $"{language.ImageName}:{(single ? "single" : "multi")}",
            language.Port);
    }
}

/// <summary>A starter the learner completes, graded by the course's grade workflow.</summary>
public sealed record CourseExercise(string Language, string Folder);

/// <summary>A pitfall folder of a course seeded with --pitfalls; <see cref="NotReproducible"/> says why
/// `multistage pitfalls` only lists it.</summary>
public sealed record CoursePitfall(string Folder, string Name, string Title, string? NotReproducible)
{
    public static CoursePitfall From(LanguagePlan language, Pitfall pitfall)
    {
        var folder = PitfallSample.Folder(language, pitfall).Replace(Path.DirectorySeparatorChar, '/');
        return new CoursePitfall(folder, folder[(PitfallSample.FolderName.Length + 1)..], pitfall.Title, pitfall.NotReproducibleReason(language.Template));
    }
}
