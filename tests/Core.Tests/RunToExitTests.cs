using Multistage.Core.Docker;
using Multistage.Tests.Shared;

namespace Core.Tests;

/// <summary>A container run to its end reports the exit status `docker wait` gives and the output the log
/// driver kept, and is removed: with a stand-in docker that records its calls, no engine needed.</summary>
public sealed class RunToExitTests : IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("run-to-exit");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task The_exit_status_comes_from_docker_wait_the_output_from_the_logs_and_the_container_is_removed()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "The stand-in docker is a shell script.");
        var calls = _work.Combine("calls");
        // run --detach prints an id and no app output (as the real CLI does); only the logs hold it.
        var script = _work.Combine("docker");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            echo "$*" >> '{{calls}}'
            case "$1" in
              run) echo 0123abcd ;;
              wait) echo 2 ;;
              logs) echo 'error: unknown arguments: --bogus' >&2 ;;
            esac
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var containers = new DockerContainers(new DockerCli(new DockerLocation(script, Host: null)));

        var exited = await containers.RunToExitAsync(new ContainerRunOptions("app:multi", "app-input") { NoNetwork = true, Command = ["--bogus"] },
            TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(2, exited.ExitCode);
        Assert.Equal("error: unknown arguments: --bogus", exited.Output);
        var verbs = File.ReadAllLines(calls).Select(line => line.Split(' ')[0]).ToList();
        Assert.Equal(["run", "wait", "logs", "rm"], verbs);
        Assert.Contains("--detach", File.ReadAllLines(calls)[0].Split(' '));
    }

    [Fact]
    public async Task A_failed_run_with_no_output_at_all_is_run_once_more()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "The stand-in docker is a shell script.");
        var calls = _work.Combine("calls");
        // The first run's logs are empty, as the engine left them under load; the second holds the line.
        var script = _work.Combine("docker");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            echo "$*" >> '{{calls}}'
            case "$1" in
              run) echo 0123abcd ;;
              wait) echo 1 ;;
              logs) [ "$(grep -c '^run ' '{{calls}}')" -ge 2 ] && echo 'error: PORT="abc" is not a valid port' >&2 ;;
            esac
            exit 0
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var containers = new DockerContainers(new DockerCli(new DockerLocation(script, Host: null)));

        var exited = await containers.RunToExitAsync(new ContainerRunOptions("app:multi", "app-input") { NoNetwork = true },
            TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(1, exited.ExitCode);
        Assert.Equal("error: PORT=\"abc\" is not a valid port", exited.Output);
        Assert.Equal(["run", "wait", "logs", "rm", "run", "wait", "logs", "rm"], File.ReadAllLines(calls).Select(line => line.Split(' ')[0]));
    }
}
