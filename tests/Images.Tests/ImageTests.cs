using System.Text.RegularExpressions;
using Multistage.Core.Docker;

namespace Images.Tests;

/// <summary>
/// Builds, runs and inspects every template variant that can be built here (see VariantPlan). Each
/// test checks one behaviour; the builds behind them happen once per variant in the shared fixture.
/// </summary>
[Collection(ImagesCollection.Name)]
[Trait("Category", "Images")]
public sealed partial class ImageTests(ImageFixture fixture) : NeedsDocker
{
    // Binaries that must not be in a final image whose metadata says it carries no package manager.
    [GeneratedRegex($"^Hello from {VariantImages.AppName}, an? (?<language>.+) app!$")]
    private static partial Regex Greeting();

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Both_dockerfiles_build(string variant)
    {
        var images = fixture.Get(variant);
        Assert.True((await images.MultiBuildAsync()).Succeeded);
        Assert.True((await images.SingleBuildAsync()).Succeeded);
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_image_runs_as_numeric_non_root(string variant)
    {
        var info = await fixture.Get(variant).MultiInfoAsync();
        Assert.True(SampleRules.IsNumericNonRoot(info.User),
            $"{variant}: USER is \"{info.User}\"; expected a numeric uid[:gid] other than 0 (e.g. 65532:65532) so Kubernetes' runAsNonRoot can verify it.");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_image_exposes_the_template_port(string variant)
    {
        var images = fixture.Get(variant);
        var info = await images.MultiInfoAsync();
        var expected = $"{images.Variant.Template.DefaultPort}/tcp";
        Assert.True(info.ExposedPorts.Contains(expected),
            $"{variant}: EXPOSE lists [{string.Join(", ", info.ExposedPorts)}]; expected {expected} (the port symbol's default in template.json).");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_image_starts_in_exec_form(string variant)
    {
        var info = await fixture.Get(variant).MultiInfoAsync();
        var command = info.Entrypoint.Concat(info.Cmd).ToList();
        Assert.True(command.Count > 0, $"{variant}: the image has neither ENTRYPOINT nor CMD.");
        Assert.False(info.UsesShellForm,
            $"{variant}: ENTRYPOINT {Json(info.Entrypoint)} CMD {Json(info.Cmd)} is shell form; use a JSON array so the app is PID 1 and gets SIGTERM.");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_image_has_an_exec_form_healthcheck(string variant)
    {
        var info = await fixture.Get(variant).MultiInfoAsync();
        Assert.True(info.HealthcheckTest.Count > 1 && info.HealthcheckTest[0] == "CMD",
            $"{variant}: HEALTHCHECK test is {Json(info.HealthcheckTest)}; expected [\"CMD\", ...] (exec form: no shell, no curl needed).");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_image_carries_the_oci_labels(string variant)
    {
        var info = await fixture.Get(variant).MultiInfoAsync();
        foreach (var label in new[] { "org.opencontainers.image.title", "org.opencontainers.image.source" })
        {
            Assert.True(info.Labels.TryGetValue(label, out var value) && value.Length > 0,
                $"{variant}: label {label} is missing from the final stage (CONTRIBUTING.md, Dockerfiles).");
        }
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_image_carries_no_forbidden_paths(string variant)
    {
        var images = fixture.Get(variant);
        var files = await images.FilesAsync();
        var found = SampleRules.ForbiddenFiles(files, images.Variant.Template.ForbiddenPaths
            .Concat(images.Variant.Runtime.PackageManager is null ? SampleRules.PackageManagerGlobs : []));
        Assert.True(found.Count == 0,
            $"{variant}: the final image holds {found.Count} forbidden path(s), first ones:\n  {string.Join("\n  ", found.Take(20))}\n" +
            "Copy only the artefact into the final stage (multistage.json forbiddenPaths).");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_image_holds_the_artifact_and_a_shell_only_if_declared(string variant)
    {
        var images = fixture.Get(variant);
        var files = (await images.FilesAsync()).ToHashSet(StringComparer.Ordinal);
        var artifact = images.Variant.Runtime.ArtifactPath.TrimStart('/');
        Assert.True(files.Contains(artifact), $"{variant}: artifactPath /{artifact} (multistage.json) is not in the final image.");
        var hasShell = files.Contains("bin/sh") || files.Contains("usr/bin/sh");
        Assert.True(hasShell == images.Variant.Runtime.Shell,
            $"{variant}: multistage.json says shell={images.Variant.Runtime.Shell.ToString().ToLowerInvariant()}, but /bin/sh is {(hasShell ? "present" : "absent")}.");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_container_becomes_healthy_by_its_own_healthcheck(string variant)
    {
        var outcome = await fixture.Get(variant).RunAsync();
        Assert.True(outcome.HealthFailure is null, $"{variant} (read-only, --cap-drop ALL, /tmp on tmpfs): {outcome.HealthFailure?.Message}");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_container_answers_the_greeting_on_root(string variant)
    {
        var images = fixture.Get(variant);
        var outcome = await images.RunAsync();
        AssertGreeting(images.Variant, outcome.Root, "multi-stage");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_container_answers_ok_on_healthz(string variant)
    {
        var outcome = await fixture.Get(variant).RunAsync();
        Assert.True(outcome.Health is { Status: 200, Body: "ok" }, $"{variant}: GET /healthz gave {outcome.Health}; expected HTTP 200 \"ok\".");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_container_exits_by_itself_on_stop(string variant)
    {
        var outcome = await fixture.Get(variant).RunAsync();
        Assert.True(outcome.BeforeStop.Running,
            $"{variant}: the container had already {outcome.BeforeStop.Status} (exit {outcome.BeforeStop.ExitCode}) before docker stop; see the health test's output.");
        Assert.True(outcome.StopFailure is null, $"{variant}: docker stop failed: {outcome.StopFailure?.Message}");
        var stopped = outcome.Stopped!;
        Assert.False(stopped.WasKilled,
            $"{variant}: exit code 137 after {stopped.StopDuration.TotalSeconds:F1} s: the app ignored SIGTERM and Docker killed it. " +
            $"Handle SIGTERM in the app (PID 1 gets no default handler).\nContainer output:\n{stopped.Logs}");
        Assert.True(stopped.ExitCode == 0,
            $"{variant}: exited {stopped.ExitCode} on SIGTERM; CONTRIBUTING.md asks for status 0.\nContainer output:\n{stopped.Logs}");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Single_stage_container_answers_the_greeting_on_root(string variant)
    {
        var images = fixture.Get(variant);
        AssertGreeting(images.Variant, await images.SingleRootAsync(), "single-stage");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Multi_stage_image_is_within_the_size_ratio_of_single_stage(string variant)
    {
        var images = fixture.Get(variant);
        var bound = images.Variant.Template.MaxSizeRatio;
        var multi = await images.MultiInfoAsync();
        var single = await images.SingleInfoAsync();
        var ratio = multi.Size / (double)single.Size;
        Assert.True(ratio <= bound,
            $"{variant}: multi-stage {multi.SizeMegabytes:F1} MB is {ratio:P1} of single-stage {single.SizeMegabytes:F1} MB; " +
            $"maxSizeRatio (multistage.json) allows {bound:P1}. Look for toolchain or cache files copied into the final stage.");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Source_only_change_reuses_the_cached_dependency_step(string variant)
    {
        var images = fixture.Get(variant);
        var dependencyStep = images.Variant.Template.DependencyStep;
        var rebuild = await images.SourceChangeRebuildAsync();
        Assert.True(rebuild.Succeeded, rebuild.Describe());
        var use = SampleRules.DependencyCache(rebuild, dependencyStep);
        Assert.True(use.DependencySteps > 0,
            $"{variant}: no build step contains dependencyStep \"{dependencyStep}\" (multistage.json). Steps:\n  " +
            string.Join("\n  ", rebuild.Steps.Select(step => step.Name)) + $"\nLog: {rebuild.Request.LogFile}");
        Assert.True(use.Rerun.Count == 0,
            $"{variant}: after changing only {images.Variant.Template.SourceFile}, \"{string.Join("\", \"", use.Rerun)}\" ran again. " +
            $"Copy the manifest and lock file and install dependencies before copying the sources. Log: {rebuild.Request.LogFile}");
        // The change must have reached the build at all, or "cached" proves nothing.
        Assert.True(use.ChangeReachedBuild,
            $"{variant}: every step was cached, so the source change never reached the build. Log: {rebuild.Request.LogFile}");
    }

    private static void AssertGreeting(ImageVariant variant, HttpAnswer answer, string which)
    {
        // CONTRIBUTING.md: "Hello from <app name>, a <Language> app!". The app name is the -n the tests
        // pass; the language word must be part of displayName ("Python" of "Python (Flask)", ".NET" of
        // "ASP.NET Core"), so a template that answers with another language's greeting fails.
        var match = Greeting().Match(answer.Body);
        var expected = $"Hello from {VariantImages.AppName}, a <a word of \"{variant.Template.DisplayName}\"> app!";
        Assert.True(answer.Status == 200 && match.Success
                    && variant.Template.DisplayName.Contains(match.Groups["language"].Value, StringComparison.Ordinal),
            $"{variant.Id} ({which}): GET / gave {answer}; expected HTTP 200 \"{expected}\".");
    }

    private static string Json(IReadOnlyList<string> items) => System.Text.Json.JsonSerializer.Serialize(items);
}
