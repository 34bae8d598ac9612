using System.Diagnostics;
using System.Globalization;
using Multistage.Core.Processes;

namespace Core.Tests;

public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task Non_zero_exit_is_returned_with_both_streams_not_thrown()
    {
        var result = await ProcessRunner.RunAsync(new ProcessSpec("sh", ["-c", "echo out; echo err >&2; exit 3"]), TestContext.Current.CancellationToken);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
        Assert.Contains("exit code 3", result.Describe());
        Assert.Contains("err", result.Describe());
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        var marker = TempFolder.NewPath("runner-tree");
        // The grandchild would write the marker after 3 s if it survived the kill.
        var spec = new ProcessSpec("sh", ["-c", $"(sleep 3; touch {marker}) & sleep 30"]) { Timeout = TimeSpan.FromSeconds(1) };

        var watch = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync(spec, TestContext.Current.CancellationToken);

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Contains("timed out", result.Describe());
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.False(File.Exists(marker), "the grandchild survived the timeout");
    }

    [Fact]
    public async Task Missing_executable_gives_an_exception_naming_it()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => ProcessRunner.RunAsync(new ProcessSpec("no-such-tool-xyz", ["--version"]), TestContext.Current.CancellationToken));
        Assert.Contains("no-such-tool-xyz", error.Message);
    }

    [Fact]
    public async Task Environment_sets_and_removes_variables_and_stdin_is_passed()
    {
        var spec = new ProcessSpec("sh", ["-c", "read line; echo \"$line ${SET_ME} ${HOME:-no-home}\""])
        {
            Environment = new Dictionary<string, string?> { ["SET_ME"] = "set", ["HOME"] = null },
            StandardInput = "input\n",
        };
        var result = await ProcessRunner.RunAsync(spec, TestContext.Current.CancellationToken);
        Assert.Equal("input set no-home\n", result.StandardOutput);
    }

    [Fact]
    public async Task Standard_output_sink_receives_the_bytes()
    {
        using var sink = new MemoryStream();
        var result = await ProcessRunner.RunAsync(new ProcessSpec("printf", ["a\\000b"]) { StandardOutputSink = sink }, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(new byte[] { (byte)'a', 0, (byte)'b' }, sink.ToArray());
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_throws()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ProcessRunner.RunAsync(new ProcessSpec("sleep", ["30"]), cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Describe_quotes_arguments_a_shell_would_split()
    {
        var result = new ProcessResult(new ProcessSpec("docker", ["run", "-e", "A=b c"]), 1, "", "", TimeSpan.Zero, false);
        Assert.Contains("$ docker run -e 'A=b c'", result.Describe());
    }

    [Fact]
    public void Describe_writes_durations_with_a_decimal_point_whatever_the_culture()
    {
        var spec = new ProcessSpec("sleep", ["30"]) { Timeout = TimeSpan.FromSeconds(1.5) };
        var result = new ProcessResult(spec, 137, "\n", "", TimeSpan.FromSeconds(2.5), TimedOut: true);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // German writes 1,5: a failure message must read the same on every machine.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var text = result.Describe();
            Assert.True(text.Contains("timed out after 1.5 s", StringComparison.Ordinal) && text.Contains("took 2.5 s", StringComparison.Ordinal),
                $"Expected invariant durations (1.5 s, 2.5 s) in:\n{text}");
            Assert.Contains("stdout: (empty)", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
