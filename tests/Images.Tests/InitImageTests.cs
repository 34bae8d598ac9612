using Multistage.Core.Templates;
using Multistage.Tests.Shared;

namespace Images.Tests;

/// <summary>
/// `multistage init --verify` in a copy of a real-shaped project (tests/InitProjects), as a user runs it: no
/// flags but the package index a machine without PyPI needs. init writes the files, builds both Dockerfiles,
/// runs the multi-stage image read-only as a non-root user on the port it read from the code, probes / and
/// the health path it found, stops it, and grades it: every check must pass, and the app's own answer
/// must be what the layout's .init-test.json says.
/// </summary>
[Collection(InitCollection.Name)]
[Trait("Category", "Images")]
public sealed class InitImageTests(ImageFixture fixture) : NeedsDocker
{
    private static readonly TimeSpan VerifyTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Each image-tested layout (a greeting in its .init-test.json, no warning) with the runtime init
    /// picks, and with each runtime its expectations add. A layout with warnings is not verified (init says
    /// so and exits 4): InitCommandLineTests checks those warnings.</summary>
    public static TheoryData<string, string> Variants()
    {
        var rows = new TheoryData<string, string>();
        foreach (var layout in InitLayouts.All.Where(l => l.ImageTest && l.Warnings.Count == 0))
        {
            rows.Add(layout.Folder, DetectedRuntime);
            foreach (var runtime in layout.AlsoRuntimes)
            {
                rows.Add(layout.Folder, runtime);
            }
        }

        return rows;
    }

    /// <summary>The row that runs init without --runtime.</summary>
    public const string DetectedRuntime = "detected";

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Init_verify_builds_both_files_and_the_image_answers_turns_healthy_and_stops(string layoutName, string runtime)
    {
        var layout = InitLayouts.Get(layoutName);
        List<string> options = runtime == DetectedRuntime ? [] : ["--runtime", runtime];

        var verify = await InitVerifyAsync(layout, $"{layoutName}-{runtime}", options);

        Assert.True(verify.ExitCode == 0, $"{layoutName} ({runtime}): init --verify exited {verify.ExitCode}:\n{verify.Describe()}");
        var output = Compact(verify.StandardOutput);
        Assert.Contains(Compact($"Verified: all {Multistage.Core.Pipeline.SampleChecks.ForProjects.Count} checks passed."), output, StringComparison.Ordinal);
        Assert.Contains(Compact(layout.Greeting), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_verify_reports_a_failing_check_and_exits_4()
    {
        // The app answers 404 on a path it does not serve: the health probe must fail, and init must say so.
        var layout = InitLayouts.Get("go-healthz");

        var verify = await InitVerifyAsync(layout, "go-healthz-wrong-health-path", ["--set", "health-path=/not-served"]);

        Assert.True(verify.ExitCode == 4, $"Expected exit 4 (incomplete) when a check fails:\n{verify.Describe()}");
        var output = Compact(verify.StandardOutput);
        Assert.Contains(Compact("checks failed"), output, StringComparison.Ordinal);
        Assert.Contains("answers", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Compact("Verified: all"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_grades_an_initd_project_by_the_port_and_health_path_init_found()
    {
        // Not the samples' contract (PORT, /healthz answering "ok"): APP_PORT's default 8093, and / answers 503.
        var layout = InitLayouts.Get("go-healthz");
        var project = InitLayouts.CopyTo(fixture.RepositoryRoot, layout.Folder, Path.Combine(fixture.WorkDirectory, "init", "go-healthz-check"));
        var init = await MultistageCli.RunAsync(project, ["init"]);
        Assert.True(init.ExitCode == 0, $"init failed:\n{init.Describe()}");

        var check = await MultistageCli.RunAsync(project, ["check"], timeout: VerifyTimeout);

        Assert.True(check.ExitCode == 0, $"check of the init'd project exited {check.ExitCode}:\n{check.Describe()}");
        var output = Compact(check.StandardOutput);
        Assert.Contains(Compact($"All {Multistage.Core.Pipeline.SampleChecks.ForProjects.Count} checks passed."), output, StringComparison.Ordinal);
        Assert.Contains(Compact("port 8093: / 503, /healthz 200"), output, StringComparison.Ordinal);
    }

    /// <summary>`multistage init --verify` as a process in a copy of the layout, with the package index its
    /// language needs here (PyPI is not reachable).</summary>
    private async Task<Multistage.Core.Processes.ProcessResult> InitVerifyAsync(InitLayout layout, string slug, IReadOnlyList<string> options)
    {
        var template = TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(fixture.RepositoryRoot)).Single(t => t.Language == layout.Language);
        var project = InitLayouts.CopyTo(fixture.RepositoryRoot, layout.Folder, Path.Combine(fixture.WorkDirectory, "init", slug));
        var buildArguments = await fixture.Indexes.BuildArgumentsAsync(template.PackageIndexBuildArg);
        await PinnedBaseImages.ProvideAsync(fixture.RepositoryRoot, layout);
        List<string> arguments = ["init", "--verify", .. layout.Options, .. options, .. buildArguments.SelectMany(a => new[] { "--build-arg", $"{a.Key}={a.Value}" })];
        return await MultistageCli.RunAsync(project, arguments, timeout: VerifyTimeout);
    }

    /// <summary>The text without whitespace or table borders: Spectre wraps long lines at the console's width.</summary>
    private static string Compact(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c is not ('│' or '─' or '┌' or '┐' or '└' or '┘' or '├' or '┤' or '┬' or '┴' or '┼')).ToArray());
}
