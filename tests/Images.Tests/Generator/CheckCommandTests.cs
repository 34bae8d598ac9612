using Multistage.Core.Processes;
using Multistage.Tests.Shared;

namespace Images.Tests.Generator;

/// <summary>
/// `multistage check` as a learner's CI runs it, on a course seeded with --mode both: the starter with no
/// Dockerfile is bad input (exit 2, saying what to write); the solution's Dockerfile passes every check
/// (exit 0); the single-stage file handed in as the answer fails (exit 1), naming what it misses.
/// </summary>
[Collection(CommandsCollection.Name)]
[Trait("Category", "Images")]
public sealed class CheckCommandTests : NeedsDocker
{
    [Fact]
    public async Task Check_grades_a_missing_a_finished_and_a_naive_Dockerfile_in_a_go_starter()
    {
        var work = TempFolder.NewPath("check");
        try
        {
            var seed = await InProcessCli.RunAsync(["seed", "--out", Path.Combine(work, "course"), "--port-base", CommandsCollection.PortBase, "--languages", "go", "--mode", "both"], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(seed.Succeeded, $"Seeding the course failed:\n{seed.Describe()}");
            var starter = Path.Combine(work, "course", "starter", "go");

            var missing = await CheckAsync(work);
            Assert.True(missing.ExitCode == 2 && missing.StandardError.Contains("There is no Dockerfile in course/starter/go: write the multi-stage Dockerfile at course/starter/go/Dockerfile", StringComparison.Ordinal),
                $"Expected exit 2 naming the Dockerfile to write:\n{missing.Describe()}");

            File.Copy(Path.Combine(work, "course", "solution", "go", "Dockerfile"), Path.Combine(starter, "Dockerfile"));
            var solved = await CheckAsync(work, "solved.json");
            Assert.True(solved.ExitCode == 0 && solved.StandardOutput.Contains("All 11 checks passed.", StringComparison.Ordinal),
                $"Expected the solution's Dockerfile to pass every check:\n{solved.Describe()}");
            Assert.Contains("\"passed\": true", File.ReadAllText(Path.Combine(work, "solved.json")), StringComparison.Ordinal);

            File.Copy(Path.Combine(starter, "Dockerfile.single"), Path.Combine(starter, "Dockerfile"), overwrite: true);
            var naive = await CheckAsync(work, "naive.json");
            Assert.True(naive.ExitCode == 1, $"Expected the single-stage Dockerfile to fail the check:\n{naive.Describe()}");
            var json = File.ReadAllText(Path.Combine(work, "naive.json"));
            using var report = System.Text.Json.JsonDocument.Parse(json);
            var failedIds = report.RootElement.GetProperty("checks").EnumerateArray()
                .Where(c => !c.GetProperty("passed").GetBoolean()).Select(c => c.GetProperty("id").GetString()).ToList();
            foreach (var expected in new[] { "named-stages", "no-toolchain", "size", "non-root", "healthy" })
            {
                Assert.True(failedIds.Contains(expected), $"Expected check {expected} to fail for the single-stage Dockerfile; failed: {string.Join(", ", failedIds)}\n{json}");
            }

            Assert.Contains("COPY --from=build", naive.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Remove(work);
        }
    }

    private static Task<ProcessResult> CheckAsync(string work, string? json = null) =>
        MultistageCli.RunAsync(work, ["check", "course/starter/go", .. json is null ? Array.Empty<string>() : ["--json", json]], timeout: TimeSpan.FromMinutes(10));
}
