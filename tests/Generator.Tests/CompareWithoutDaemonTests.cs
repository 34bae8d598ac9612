using Multistage.Core.Docker;
namespace Generator.Tests;

/// <summary><c>compare</c> with no daemon stops at once with one line saying how to start one, and writes
/// nothing. In-process and without Docker, so it runs with the template tests (no Images category).</summary>
public sealed class CompareWithoutDaemonTests
{
    [Fact]
    public async Task Compare_without_a_daemon_prints_one_line_naming_the_fix_and_writes_nothing()
    {
        using var work = TempFolder.Create("compare-no-daemon");
        var seed = await InProcessCli.RunAsync(["seed", "--out", work.Combine("course"), "--languages", "go"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(seed.Succeeded, $"Seeding the course to compare failed:\n{seed.Describe()}");
        var before = FileTree.RelativeFiles(work.Path);

        var missingSocket = $"unix://{work.Path}/no-daemon-here.sock";
        var result = await InProcessCli.RunAsync(
            ["compare", work.Combine("course"), "--out", work.Combine("report"), "--json", work.Combine("report.json")],
            DockerLocation.FromEnvironment() with { Host = missingSocket }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 3, $"Expected exit code 3 (no daemon) from compare; got:\n{result.Describe()}");
        var lines = result.OutputLines.Concat(result.ErrorLines).ToList();
        Assert.True(lines.Count == 1, $"Expected exactly one line from compare without a daemon; got {lines.Count}:\n{result.Describe()}");
        Assert.Contains(missingSocket, lines[0], StringComparison.Ordinal);
        Assert.Contains("start-daemon.sh", lines[0], StringComparison.Ordinal);
        Assert.Equal(before, FileTree.RelativeFiles(work.Path));
    }
}
