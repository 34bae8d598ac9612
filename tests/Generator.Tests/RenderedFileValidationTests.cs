using System.Text.Json;
using Multistage.Core.Processes;

namespace Generator.Tests;

/// <summary>The files <c>seed</c> renders pass the real tools that read them (see <see cref="Validators"/>),
/// and each of those tools does reject a broken file, so a pass means something.</summary>
[Collection(GeneratorCollection.Name)]
public sealed class RenderedFileValidationTests(SeededCourses courses)
{
    public static TheoryData<string> Requests() => new(SeedRequest.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Course_compose_file_passes_docker_compose_config(string request)
    {
        var course = await courses.GetAsync(SeedRequest.Named(request));
        AssertPassed(await Validators.ComposeConfigAsync(course.PathOf("compose.yaml")), course, "compose.yaml");
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_sample_compose_file_passes_docker_compose_config(string request)
    {
        var course = await courses.GetAsync(SeedRequest.Named(request));
        var samples = CourseSeeding.Files(course.Directory).Where(f => f.EndsWith("/compose.yaml", StringComparison.Ordinal)).ToList();
        Assert.True(samples.Count > 0, $"No sample compose.yaml found in {course.Directory}; each template emits one.");
        foreach (var sample in samples)
        {
            AssertPassed(await Validators.ComposeConfigAsync(course.PathOf(sample)), course, sample);
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Bake_file_resolves_a_target_per_language_and_Dockerfile_all_in_the_default_group(string request)
    {
        var course = await courses.GetAsync(SeedRequest.Named(request));
        var result = await Validators.BakePrintAsync(course.PathOf("docker-bake.hcl"));
        AssertPassed(result, course, "docker-bake.hcl");
        using var bake = JsonDocument.Parse(result.StandardOutput);
        var where = $"in {course.PathOf("docker-bake.hcl")} (rendered from tools/Multistage/CourseFiles/docker-bake.hcl.scriban)";

        var expected = course.Languages
            .SelectMany(language => course.Dockerfiles.Select(dockerfile =>
                (Name: dockerfile == "Dockerfile" ? language : $"{language}-single", Context: course.BuildContext(language), Dockerfile: dockerfile)))
            .ToList();
        var targets = bake.RootElement.GetProperty("target").EnumerateObject().ToDictionary(t => t.Name, t => t.Value);
        Assert.True(
            targets.Keys.Order(StringComparer.Ordinal).SequenceEqual(expected.Select(e => e.Name).Order(StringComparer.Ordinal)),
            $"Expected targets {string.Join(", ", expected.Select(e => e.Name))}; got {string.Join(", ", targets.Keys)} {where}.");
        foreach (var (name, context, dockerfile) in expected)
        {
            var target = targets[name];
            Assert.True(
                target.GetProperty("context").GetString() == context && target.GetProperty("dockerfile").GetString() == dockerfile,
                $"Target {name}: expected context {context} and dockerfile {dockerfile}; got {target} {where}.");
            Assert.True(File.Exists(course.PathOf(Path.Combine(context, dockerfile))),
                $"Target {name} builds {context}/{dockerfile}, which the seeded course does not contain {where}.");
        }

        var group = bake.RootElement.GetProperty("group").GetProperty("default").GetProperty("targets")
            .EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.True(
            group.Order(StringComparer.Ordinal).SequenceEqual(expected.Select(e => e.Name).Order(StringComparer.Ordinal)),
            $"The default group must list every target once: expected {string.Join(", ", expected.Select(e => e.Name))}; got {string.Join(", ", group)} {where}.");
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_workflow_passes_action_validator(string request)
    {
        var course = await courses.GetAsync(SeedRequest.Named(request));
        var workflows = Directory.GetFiles(course.PathOf(".github/workflows"), "*.yml").Order(StringComparer.Ordinal).ToList();
        // images.yml always; grade.yml wherever the course has exercises to grade.
        Assert.Equal(course.Request.Mode == "solution" ? 1 : 2, workflows.Count);
        foreach (var workflow in workflows)
        {
            var relative = $".github/workflows/{Path.GetFileName(workflow)}";
            AssertPassed(await Validators.ActionValidatorAsync(workflow), course, relative);
        }
    }

    [Fact]
    public async Task Docker_compose_config_rejects_a_service_with_an_unknown_key()
    {
        var course = await courses.GetAsync(SeedRequest.Starter);
        var broken = Corrupt(course, "compose.yaml", "    image:", "    imag:");
        AssertRejected(await Validators.ComposeConfigAsync(broken), broken);
    }

    [Fact]
    public async Task Bake_print_rejects_an_unclosed_block()
    {
        var course = await courses.GetAsync(SeedRequest.Starter);
        var broken = Corrupt(course, "docker-bake.hcl", "}\n", "\n");
        AssertRejected(await Validators.BakePrintAsync(broken), broken);
    }

    [Fact]
    public async Task Bake_print_rejects_a_target_of_the_default_group_that_does_not_exist()
    {
        var course = await courses.GetAsync(SeedRequest.Starter);
        var broken = Corrupt(course, "docker-bake.hcl", "targets = [", "targets = [\"no-such-target\", ");
        AssertRejected(await Validators.BakePrintAsync(broken), broken);
    }

    [Fact]
    public async Task Action_validator_rejects_a_job_with_a_misspelt_key()
    {
        var course = await courses.GetAsync(SeedRequest.Starter);
        var broken = Corrupt(course, ".github/workflows/images.yml", "runs-on:", "runs_on:");
        AssertRejected(await Validators.ActionValidatorAsync(broken), broken);
    }

    /// <summary>A copy of a rendered file with the first <paramref name="find"/> replaced, kept beside the
    /// scratch files (the compose copy needs no sample folders: config -q does not read contexts).</summary>
    private string Corrupt(SeededCourse course, string relative, string find, string replace)
    {
        var text = File.ReadAllText(course.PathOf(relative));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"Cannot corrupt {relative}: \"{find}\" is not in it any more; pick another edit in this test.");
        var broken = text[..at] + replace + text[(at + find.Length)..];
        var directory = courses.NewScratchPath("corrupt");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Path.GetFileName(relative));
        File.WriteAllText(path, broken);
        return path;
    }

    private static void AssertPassed(ProcessResult result, SeededCourse course, string relative) =>
        Assert.True(result.Succeeded,
            $"{relative} of seed request {course.Request.Name} failed validation ({course.PathOf(relative)}; " +
            $"rendered from tools/Multistage/CourseFiles or the template):\n{result.Describe()}");

    private static void AssertRejected(ProcessResult result, string brokenFile) =>
        Assert.False(result.Succeeded,
            $"The validator accepted a deliberately broken file ({brokenFile}), so its passes prove nothing:\n{result.Describe()}");
}
