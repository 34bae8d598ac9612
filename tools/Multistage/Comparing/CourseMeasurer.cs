using Multistage.Cli.Seeding;
using Multistage.Core.Docker;
using Multistage.Core.Pipeline;
using Multistage.Core.Templates;

namespace Multistage.Cli.Comparing;

/// <summary>What compare measured for one language of the course.</summary>
public sealed record LanguageMeasurement(
    IReadOnlyList<ImageMeasurement> Course,
    IReadOnlyList<ImageMeasurement> RuntimeChoices,
    IReadOnlyList<NotMeasured> NotMeasured,
    IReadOnlyList<ClaimBuild> ClaimBuilds);

/// <summary>
/// Measures one language of a course through the one pipeline (<see cref="SampleRun"/>): the course's two
/// images (cold builds, sizes, start to healthy, rebuilds after a source-only change), the template's
/// other runtime choices, and the builds the notes' claims compare with (<see cref="NotesClaims"/>).
/// Every build works on a private folder, so the course is never edited; only the course's two images
/// (course-LANGUAGE:single and :multi) are kept.
/// </summary>
public sealed class CourseMeasurer(DockerCli docker, NetworkMode network, IReadOnlyDictionary<string, string> buildArguments, TemplateHive hive)
{
    private readonly DockerImages images = new(docker);

    public async Task<LanguageMeasurement> MeasureAsync(CourseSample sample, Action<string> step, CancellationToken ct)
    {
        var course = await MeasureCourseAsync(sample, step, ct);
        var (choices, notMeasured) = await MeasureOtherChoicesAsync(sample, step, ct);
        var claimBuilds = await BuildClaimEditsAsync(sample, step, ct);
        return new LanguageMeasurement(course, choices, notMeasured, claimBuilds);
    }

    private async Task<IReadOnlyList<ImageMeasurement>> MeasureCourseAsync(CourseSample sample, Action<string> step, CancellationToken ct)
    {
        using var copy = PrivateCopy.Of(sample.Directory, "compare");
        return await WithRunAsync($"course-{sample.Template.Language}", sample.Template, copy.Directory, coldBuilds: true, keepCourseImages: true, ct, async run =>
        {
            // Both images are built before the source change that the rebuilds time.
            step("single-stage build");
            Succeeded(await run.SingleBuildAsync(), sample);
            step("multi-stage build");
            Succeeded(await run.MultiBuildAsync(), sample);
            var single = await MeasureSingleAsync(run, ct);
            step("multi-stage run");
            var multi = await MeasureMultiAsync(run, sample.Variant, ct);
            step("rebuilds after a source change");
            multi = multi with { WarmRebuildSeconds = Succeeded(await run.SourceChangeRebuildAsync(), sample).Duration.TotalSeconds };
            single = single with { WarmRebuildSeconds = Succeeded(await run.SingleSourceChangeRebuildAsync(), sample).Duration.TotalSeconds };
            return (IReadOnlyList<ImageMeasurement>)[single, multi];
        });
    }

    /// <summary>Each runtime choice the course does not use, made as `seed --runtime` makes it.</summary>
    private async Task<(List<ImageMeasurement>, List<NotMeasured>)> MeasureOtherChoicesAsync(CourseSample sample, Action<string> step, CancellationToken ct)
    {
        var template = sample.Template;
        var measured = new List<ImageMeasurement>();
        var notMeasured = new List<NotMeasured>();
        foreach (var choice in template.Runtimes.Values.Where(r => r.Name != sample.Variant))
        {
            if (choice.NeedsRegistry is { } why)
            {
                notMeasured.Add(new NotMeasured(template.Language, template.DisplayName, choice.Name, $"needs registry access ({why})"));
                continue;
            }

            ct.ThrowIfCancellationRequested();
            step($"{choice.Name} runtime");
            var directory = Path.Combine(Path.GetTempPath(), $"multistage-compare-{template.Language}-{choice.Name}-{Guid.NewGuid():N}");
            try
            {
                var options = CourseSeeder.InstantiationOptions(new LanguagePlan(template, choice.Name, template.DefaultPort), exercise: false);
                var made = await hive.InstantiateAsync(template.ShortName, directory, options, ct);
                if (!made.Succeeded)
                {
                    throw new InvalidOperationException($"dotnet new {template.ShortName} --runtime {choice.Name} failed:{Environment.NewLine}{made.Describe()}");
                }

                await WithRunAsync($"course-{template.Language}-{choice.Name}", template, directory, coldBuilds: true, keepCourseImages: false, ct, async run =>
                {
                    var build = await run.MultiBuildAsync();
                    if (build.Succeeded)
                    {
                        measured.Add(await MeasureMultiAsync(run, choice.Name, ct));
                    }
                    else
                    {
                        notMeasured.Add(new NotMeasured(template.Language, template.DisplayName, choice.Name, $"the build failed: {LastLine(build)}"));
                    }

                    return true;
                });
            }
            finally
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }

        return (measured, notMeasured);
    }

    /// <summary>For each claim with an edit the course's Dockerfile holds: the sample built with it.</summary>
    private async Task<List<ClaimBuild>> BuildClaimEditsAsync(CourseSample sample, Action<string> step, CancellationToken ct)
    {
        var template = sample.Template;
        var builds = new List<ClaimBuild>();
        foreach (var claim in NotesClaims.All.Where(c => c.Edit is not null))
        {
            using var copy = PrivateCopy.Of(sample.Directory, "claim");
            if (!claim.Edit!.FindsIn(copy.Directory))
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            step($"build for the claim {claim.Id}");
            claim.Edit.ApplyTo(copy.Directory, $"Claim '{claim.Id}'", nameof(NotesClaims));
            builds.Add(await WithRunAsync($"course-{template.Language}-{claim.Id}", template, copy.Directory, coldBuilds: false, keepCourseImages: false, ct, async run =>
            {
                Succeeded(await run.MultiBuildAsync(), sample);
                var size = (await run.MultiInfoAsync()).Size;
                return new ClaimBuild(claim.Id, template.Language, template.DisplayName, sample.Variant, size, ArtifactBytes(await run.FileSizesAsync(), template, sample.Variant));
            }));
        }

        return builds;
    }

    private async Task<ImageMeasurement> MeasureSingleAsync(SampleRun run, CancellationToken ct)
    {
        var build = await run.SingleBuildAsync();
        var info = await run.SingleInfoAsync();
        return new ImageMeasurement(
            run.Template.Language, run.Template.DisplayName, ImageMeasurement.SingleStage, "Dockerfile.single", run.SingleTag,
            await BaseImagesAsync(Path.Combine(run.Directory, "Dockerfile.single"), ct),
            info.Size, await run.SingleCompressedSizeAsync(), info.LayerCount, build.Duration.TotalSeconds,
            WarmRebuildSeconds: null, TimeToHealthySeconds: null, ArtifactBytes: null, HasShell: null, ToolchainFiles: null);
    }

    private async Task<ImageMeasurement> MeasureMultiAsync(SampleRun run, string variant, CancellationToken ct)
    {
        var build = await run.MultiBuildAsync();
        var info = await run.MultiInfoAsync();
        var outcome = await run.RunAsync();
        var files = await run.FileSizesAsync();
        return new ImageMeasurement(
            run.Template.Language, run.Template.DisplayName, variant, "Dockerfile", run.MultiTag,
            await BaseImagesAsync(Path.Combine(run.Directory, "Dockerfile"), ct),
            info.Size, await run.MultiCompressedSizeAsync(), info.LayerCount, build.Duration.TotalSeconds,
            WarmRebuildSeconds: null,
            outcome.TimeToHealthy?.TotalSeconds,
            ArtifactBytes(files, run.Template, variant),
            files.ContainsKey("bin/sh") || files.ContainsKey("usr/bin/sh"),
            SampleRules.ForbiddenFiles(files.Keys, run.Template.ForbiddenPaths).Count);
    }

    /// <summary>The runtime choice's artifact (a custom final stage: the default choice's path).</summary>
    private static long? ArtifactBytes(IReadOnlyDictionary<string, long> files, TemplateMetadata template, string variant)
    {
        var choice = template.Runtimes.GetValueOrDefault(variant) ?? template.DefaultRuntimeChoice;
        return files.TryGetValue(choice.ArtifactPath.TrimStart('/'), out var bytes) ? bytes : null;
    }

    /// <summary>Runs <paramref name="measure"/> on a pipeline over <paramref name="directory"/>, then removes
    /// every image it made. The course's two are kept when asked, once measured: they are what the report
    /// names, and a failed or cancelled compare writes no report.</summary>
    private async Task<T> WithRunAsync<T>(
        string name, TemplateMetadata template, string directory, bool coldBuilds, bool keepCourseImages, CancellationToken ct, Func<SampleRun, Task<T>> measure)
    {
        await using var owned = new OwnedSampleRun(docker, network, buildArguments, name, template, directory, ct, context => context with { ColdBuilds = coldBuilds });
        var measured = await measure(owned.Run);
        if (keepCourseImages)
        {
            owned.KeepBothImages();
        }

        return measured;
    }

    private async Task<IReadOnlyList<BaseImage>> BaseImagesAsync(string dockerfilePath, CancellationToken ct)
    {
        var bases = new List<BaseImage>();
        foreach (var name in DockerfileStages.BaseImages(DockerfileStages.Read(dockerfilePath)).Where(b => !DockerImages.IsScratch(b)))
        {
            var info = await images.InspectAsync(name, ct);
            bases.Add(new BaseImage(name, info.Labels.GetValueOrDefault(StandIn.Label), info.Size));
        }

        return bases;
    }

    private static BuildResult Succeeded(BuildResult build, CourseSample sample) =>
        build.Succeeded ? build : throw new InvalidOperationException($"{sample.Template.DisplayName} in {sample.Directory}: {build.Describe()}");

    private static string LastLine(BuildResult build) =>
        (build.Process.StandardError + build.Log).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
