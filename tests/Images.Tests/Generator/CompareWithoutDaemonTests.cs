using Multistage.Tests.Shared;
namespace Images.Tests.Generator;

/// <summary><c>compare</c> with no daemon stops at once with one line saying how to start one, and writes
/// nothing. Needs no Docker, so it runs with the template tests (no Images category).</summary>
public sealed class CompareWithoutDaemonTests
{
    [Fact]
    public async Task Compare_without_a_daemon_prints_one_line_naming_the_fix_and_writes_nothing()
    {
        var work = Path.Combine(Path.GetTempPath(), $"multistage-compare-no-daemon-{Guid.NewGuid():N}");
        try
        {
            var seed = await MultistageCli.RunAsync(work, ["seed", "--out", "course", "--languages", "go"]);
            Assert.True(seed.Succeeded, $"Seeding the course to compare failed:\n{seed.Describe()}");
            var before = Files(work);

            var missingSocket = $"unix://{work}/no-daemon-here.sock";
            var result = await MultistageCli.RunAsync(
                work,
                ["compare", "course", "--out", "report", "--json", "report.json"],
                new Dictionary<string, string?> { ["DOCKER_HOST"] = missingSocket });

            Assert.True(result.ExitCode == 3, $"Expected exit code 3 (no daemon) from compare; got:\n{result.Describe()}");
            var lines = (result.StandardOutput + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Length == 1, $"Expected exactly one line from compare without a daemon; got {lines.Length}:\n{result.Describe()}");
            Assert.Contains(missingSocket, lines[0], StringComparison.Ordinal);
            Assert.Contains("start-daemon.sh", lines[0], StringComparison.Ordinal);
            Assert.Equal(before, Files(work));
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
}
