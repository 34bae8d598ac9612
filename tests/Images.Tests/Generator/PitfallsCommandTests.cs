using Multistage.Core.Templates;
using Multistage.Tests.Shared;

namespace Images.Tests.Generator;

/// <summary>The pitfall gallery cannot rot: every pitfall of every template, seeded with --pitfalls,
/// shows its symptom when `multistage pitfalls` builds and runs it.</summary>
[Collection(CommandsCollection.Name)]
[Trait("Category", "Images")]
public sealed class PitfallsCommandTests(ImageFixture fixture) : NeedsDocker
{
    [Fact]
    public async Task Every_pitfall_shows_its_symptom()
    {
        var catalog = TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(fixture.RepositoryRoot));
        var withPitfalls = catalog.Where(t => Multistage.Core.Pipeline.Pitfall.LoadFor(t).Count > 0).Select(t => t.Language).ToList();
        Assert.NotEmpty(withPitfalls);
        var work = TempFolder.NewPath("pitfalls");
        try
        {
            var seed = await InProcessCli.RunAsync(["seed", "--out", Path.Combine(work, "course"), "--port-base", CommandsCollection.PortBase, "--languages", string.Join(',', withPitfalls), "--pitfalls"], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(seed.Succeeded, $"Seeding the pitfalls failed:\n{seed.Describe()}");

            var arguments = new List<string> { "pitfalls", "course" };
            foreach (var template in catalog.Where(t => withPitfalls.Contains(t.Language) && t.PackageIndexBuildArg is not null))
            {
                foreach (var (key, value) in await fixture.Indexes.BuildArgumentsAsync(template.PackageIndexBuildArg))
                {
                    arguments.AddRange(["--build-arg", $"{key}={value}"]);
                }
            }

            var result = await MultistageCli.RunAsync(work, arguments, timeout: TimeSpan.FromMinutes(20));
            Assert.True(result.ExitCode == 0, $"Expected every pitfall to show its symptom:\n{result.Describe()}");
            Assert.Contains("reproducible pitfalls showed their symptom.", result.StandardOutput, StringComparison.Ordinal);
            // Lessons this machine cannot show are listed, not dropped.
            var notReproducible = catalog.Where(t => withPitfalls.Contains(t.Language))
                .Sum(t => Multistage.Core.Pipeline.Pitfall.LoadFor(t).Count(p => p.NotReproducibleReason(t) is not null));
            Assert.Contains($"{notReproducible} not reproducible here, listed with the reason.", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Remove(work);
        }
    }

    [Fact]
    public async Task Only_runs_the_named_pitfall()
    {
        var work = TempFolder.NewPath("pitfalls-only");
        try
        {
            var seed = await InProcessCli.RunAsync(["seed", "--out", Path.Combine(work, "course"), "--port-base", CommandsCollection.PortBase, "--languages", "go", "--pitfalls"], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(seed.Succeeded, $"Seeding the Go pitfalls failed:\n{seed.Describe()}");

            var result = await MultistageCli.RunAsync(work, ["pitfalls", "course", "--only", "go-wrong-goos"], timeout: TimeSpan.FromMinutes(5));

            Assert.True(result.ExitCode == 0, $"Expected go-wrong-goos to show its symptom:\n{result.Describe()}");
            Assert.Contains("The reproducible pitfall showed its symptom.", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("go-wrong-goos", result.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("go-cgo-on-scratch", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Remove(work);
        }
    }
}
