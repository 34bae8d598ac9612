using System.Text.RegularExpressions;
using Multistage.Core.Docker;
using Multistage.Core.Pipeline;

namespace Images.Tests;

/// <summary>
/// Builds, runs and inspects every template variant that can be built here (see VariantPlan). Each
/// test checks one behaviour; the builds behind them happen once per variant in the shared fixture.
/// </summary>
[Collection(VariantsCollection.Name)]
[Trait("Category", "Images")]
public sealed partial class ImageTests(ImageFixture fixture) : NeedsDocker
{
    // Binaries that must not be in a final image whose metadata says it carries no package manager.
    [GeneratedRegex($"^Hello from {VariantImages.AppName}, an? (?<language>.+) app!$")]
    private static partial Regex Greeting();

    /// <summary>Every variant × every check of `multistage check`: the image tests' rules are the grader's
    /// (SampleChecks), so a rule changes in one place and what the tests demand is what learners are graded on.</summary>
    public static TheoryData<string, string> VariantsAndChecks()
    {
        var rows = new TheoryData<string, string>();
        foreach (var variant in VariantPlan.All)
        {
            foreach (var check in SampleChecks.All)
            {
                rows.Add(variant.Id, check.Id);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(VariantsAndChecks))]
    public async Task Multi_stage_image_passes_the_graders_check(string variant, string check)
    {
        var images = fixture.Get(variant);
        var outcome = await images.GradeAsync(check);
        Assert.True(outcome.Passed,
            $"{variant}: check {check} ({outcome.Title}) failed: {outcome.Figure}; {outcome.Problem}\nHint: {outcome.Hint}\n" +
            $"Build logs: {images.LogFile("multi")}, {images.LogFile("single")}, {images.LogFile("rebuild")}");
    }

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
    public async Task Multi_stage_container_answers_the_greeting_on_root(string variant)
    {
        var images = fixture.Get(variant);
        var outcome = await images.RunAsync();
        AssertGreeting(images.Variant, outcome.Root, "multi-stage");
    }

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public async Task Single_stage_container_answers_the_greeting_on_root(string variant)
    {
        var images = fixture.Get(variant);
        AssertGreeting(images.Variant, await images.SingleRootAsync(), "single-stage");
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
}
