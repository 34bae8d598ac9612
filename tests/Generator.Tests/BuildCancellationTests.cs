using System.Diagnostics;
using Multistage.Core.Net;

namespace Generator.Tests;

/// <summary>The commands that build images, one per case of <see cref="BuildCancellationTests"/>.</summary>
public enum BuildingCommand
{
    Check,
    Compare,
    Pitfalls,
    InitVerify,
}

/// <summary>
/// Ctrl+C while a command's `docker build` or container runs (issue 20), against a <see cref="FakeDocker"/> that
/// keeps it waiting there: the command's token reaches the build, which is killed at once with its process
/// tree, and the wait for the container; the container and the run's image tags are still removed (clean-up
/// does not take the cancelled token); one "Cancelled" line says what state things are in; the exit code is 130.
/// </summary>
[Collection(GeneratorCollection.Name)]
public sealed class BuildCancellationTests(SeededCourses courses) : IDisposable
{
    /// <summary>From Ctrl+C to the command's end: the build is killed at once, then a few fake docker calls clean up.</summary>
    private static readonly TimeSpan PromptEnd = TimeSpan.FromSeconds(5);

    private readonly TempFolder _work = TempFolder.Create("build-cancel");

    /// <summary>Every command during a build; during a run, the two ways a run waits for its container (check's,
    /// which compare and init --verify share through SampleRun, and a pitfall's start).</summary>
    public static TheoryData<BuildingCommand, FakeDockerHang> Cases => new()
    {
        { BuildingCommand.Check, FakeDockerHang.Build },
        { BuildingCommand.Compare, FakeDockerHang.Build },
        { BuildingCommand.Pitfalls, FakeDockerHang.Build },
        { BuildingCommand.InitVerify, FakeDockerHang.Build },
        { BuildingCommand.Check, FakeDockerHang.Run },
        { BuildingCommand.Pitfalls, FakeDockerHang.Run },
    };

    public void Dispose() => _work.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ctrl_C_during_a_build_or_run_stops_it_at_once_removes_what_it_made_and_exits_130_with_one_line(BuildingCommand command, FakeDockerHang during)
    {
        using var docker = FakeDocker.Create(during);
        var (arguments, cancelledLine) = await ArrangeAsync(command);
        using var ctrlC = new CancellationTokenSource();
        var running = InProcessCli.RunAsync(arguments, docker.Location, ctrlC.Token);
        var waitingFor = TimeSpan.FromMinutes(2);
        int? build = during == FakeDockerHang.Build ? await docker.WaitForBuildAsync(waitingFor, running) : null;
        var container = during == FakeDockerHang.Run ? await docker.WaitForContainerAsync(waitingFor, running) : null;

        var clock = Stopwatch.StartNew();
        await ctrlC.CancelAsync();
        CliRun run;
        try
        {
            run = await running.WaitAsync(PromptEnd, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{command} was still running {PromptEnd.TotalSeconds:0} s after Ctrl+C during a {during.ToString().ToLowerInvariant()}: the wait did not get the command's token. Docker calls:\n{Calls(docker)}");
            throw;
        }

        var took = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"{command} ended {took.TotalSeconds:0.00} s after Ctrl+C.");
        Assert.True(run.ExitCode == 130, $"Expected exit 130 (cancelled) {took.TotalSeconds:0.0} s after Ctrl+C:\n{run.Describe()}");
        Assert.Equal([cancelledLine], run.ErrorLines);
        if (build is { } pid)
        {
            Assert.True(await EndsAsync(pid), $"The build's process ({pid}) outlived the cancelled {command}.");
        }

        if (container is not null)
        {
            Assert.True(docker.Calls.Any(c => c.StartsWith("rm --force", StringComparison.Ordinal) && c.Split(' ')[^1] == container),
                $"Expected `docker rm --force` of the container {container} after Ctrl+C. Docker calls:\n{Calls(docker)}");
        }

        var tag = docker.BuildTag;
        Assert.True(tag is not null && docker.Calls.Any(c => c.StartsWith("image rm ", StringComparison.Ordinal) && c.Split(' ').Contains(tag)),
            $"Expected `docker image rm` of the first tag built ({tag}) after Ctrl+C. Docker calls:\n{Calls(docker)}");
    }

    /// <summary>The command line, and the one error line it must print when cancelled.</summary>
    private async Task<(string[] Arguments, string CancelledLine)> ArrangeAsync(BuildingCommand command)
    {
        switch (command)
        {
            case BuildingCommand.Check:
                var sample = (await courses.GetAsync(SeedRequest.Both)).PathOf(Path.Combine("solution", "go"));
                return (["check", sample],
                    $"error: Cancelled: {sample} is untouched (check grades a copy) and the images it built were removed; run check again to grade it.");
            case BuildingCommand.Compare:
                var course = (await courses.GetAsync(SeedRequest.Both)).Directory;
                return (["compare", course, "--languages", "go", "--out", _work.Combine("report")],
                    "error: Cancelled: no report was written, and the images being measured were removed; run compare again to measure.");
            case BuildingCommand.Pitfalls:
                // A pitfall of the start phase: built, then run until it exits.
                return (["pitfalls", (await courses.GetAsync(SeedRequest.Both)).Directory, "--only", "go-cgo-on-scratch"],
                    "error: Cancelled: the course is untouched (each pitfall runs on a copy) and the images built were removed; run pitfalls again to see the rest.");
            default:
                var project = InitLayouts.CopyTo(TestRepository.Root, "go-root-main", _work.Combine("project"));
                // A port nothing listens on: verify refuses one in use before it builds.
                var port = FreeLoopbackPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (["init", project, "--verify", "--port", port],
                    $"error: Cancelled: init wrote .dockerignore, Dockerfile, Dockerfile.single, README.Docker.md, compose.yaml to {project} and stopped before the end; the images it built are removed. Run init --verify again to check the files.");
        }
    }

    /// <summary>Whether the process ends within a second (a killed one is gone at once).</summary>
    private static async Task<bool> EndsAsync(int pid)
    {
        var clock = Stopwatch.StartNew();
        while (!FakeDocker.HasEnded(pid))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(1))
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private static string Calls(FakeDocker docker) => string.Join('\n', docker.Calls);
}
