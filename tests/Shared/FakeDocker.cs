using System.Diagnostics;
using Multistage.Core.Docker;
using Xunit;

namespace Multistage.Tests.Shared;

/// <summary>Where a <see cref="FakeDocker"/> keeps a command waiting, so a test can cancel it there.</summary>
public enum FakeDockerHang
{
    /// <summary>`docker build` sleeps a minute in a child process.</summary>
    Build,

    /// <summary>Builds succeed at once and every container runs on, its health "starting", forever.</summary>
    Run,
}

/// <summary>
/// A stand-in docker client for tests that may not use Docker: a script in a folder of its own, named by
/// MULTISTAGE_DOCKER (<see cref="Location"/>). It answers what a command asks before it builds (the server
/// version, the bridge network), logs every call, and keeps the command waiting where <see cref="FakeDockerHang"/>
/// says. Removals succeed; a call it does not know fails, saying it is not faked.
/// </summary>
public sealed class FakeDocker : IDisposable
{
    /// <summary>A version the tools accept (<see cref="EngineRequirement"/>).</summary>
    public const string ServerVersion = "28.5.0";

    // $* keeps the words of one call on one line. What a test waits for (the build's pid, the container's
    // name) is written to a file renamed into place, so a reader never sees half of it.
    private const string Script = """
        #!/bin/bash
        here="$(dirname "$0")"
        printf '%s\n' "$*" >> "$here/calls.log"
        announce() { echo "$2" > "$here/$1.new"; mv "$here/$1.new" "$here/$1"; }
        case "$1 $2" in
          "version "*) echo "SERVER_VERSION" ;;
          "network inspect") echo bridge ;;
          "build "*)
            if [ "HANG" = Build ]; then sleep 60 & announce build.pid "$!"; wait; fi
            echo "#1 DONE 0.0s" >&2 ;;
          "image inspect") echo 'IMAGE_JSON' ;;
          "create "*) echo fake-created-container ;;
          "export "* | "save "* | "logs "*) ;;
          "run --detach") announce container "$4"; echo fake-container-id ;;
          "container inspect") echo '{"Status":"running","Running":true,"ExitCode":0,"Health":{"Status":"starting","Log":[]}}' ;;
          "image rm" | "rm "*) ;;
          *) echo "fake docker: '$*' is not faked" >&2; exit 1 ;;
        esac
        """;

    /// <summary>An image as the samples' are: non-root, exec form, an exec-form HEALTHCHECK.</summary>
    private const string ImageJson =
        """[{"Id":"sha256:fake","Size":1000000,"RootFS":{"Layers":["sha256:fake"]},"Config":{"User":"65532:65532","WorkingDir":"/app","Entrypoint":["/app/server"],"Healthcheck":{"Test":["CMD","/app/server","--healthcheck"]}}}]""";

    private readonly TempFolder folder = TempFolder.Create("fake-docker");

    private FakeDocker(FakeDockerHang hang)
    {
        Assert.False(OperatingSystem.IsWindows(), "The fake docker is a bash script that reads /proc: Linux only.");
        File.WriteAllText(ScriptPath, Script
            .Replace("SERVER_VERSION", ServerVersion, StringComparison.Ordinal)
            .Replace("HANG", hang.ToString(), StringComparison.Ordinal)
            .Replace("IMAGE_JSON", ImageJson, StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(ScriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public static FakeDocker Create(FakeDockerHang hang) => new(hang);

    public string ScriptPath => folder.Combine("docker");

    /// <summary>Where the tool finds the client, read as the tool reads MULTISTAGE_DOCKER (and no DOCKER_HOST).</summary>
    public DockerLocation Location => DockerLocation.Resolve(name => name == DockerLocation.BinaryVariable ? ScriptPath : null);

    /// <summary>Every call so far, its arguments joined by spaces, in order.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            var log = folder.Combine("calls.log");
            return File.Exists(log) ? File.ReadAllLines(log) : [];
        }
    }

    /// <summary>The tag the first `docker build` was asked for (its -t), once one was.</summary>
    public string? BuildTag =>
        Calls.Where(c => c.StartsWith("build ", StringComparison.Ordinal))
            .Select(c => c.Split(' ')).Select(words => words.SkipWhile(w => w != "-t").Skip(1).FirstOrDefault())
            .FirstOrDefault(tag => tag is not null);

    /// <summary>The pid of the first build's sleep (<see cref="FakeDockerHang.Build"/>), once it runs.</summary>
    public async Task<int> WaitForBuildAsync(TimeSpan within, Task command) =>
        int.Parse(await WaitForAsync("build.pid", "docker build", within, command), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name of the first container started (<see cref="FakeDockerHang.Run"/>), once it is.</summary>
    public Task<string> WaitForContainerAsync(TimeSpan within, Task command) => WaitForAsync("container", "docker run", within, command);

    /// <summary>Whether the process has ended: no longer listed, or a zombie nobody reaped yet (killed all the same).</summary>
    public static bool HasEnded(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        // A build a failed test did not cancel would sleep on for a minute.
        var pidFile = folder.Combine("build.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && !HasEnded(pid))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Ended meanwhile.
            }
        }

        folder.Dispose();
    }

    /// <summary>The contents of the file the script announces <paramref name="what"/> with; fails after
    /// <paramref name="within"/>, or when the command ended first, with the calls made.</summary>
    private async Task<string> WaitForAsync(string file, string what, TimeSpan within, Task command)
    {
        var path = folder.Combine(file);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (command.IsCompleted || clock.Elapsed > within)
            {
                throw new TimeoutException(
                    $"No {what} started {(command.IsCompleted ? "before the command ended" : $"within {within.TotalSeconds:0} s")}. Calls:\n{string.Join('\n', Calls)}");
            }

            await Task.Delay(50);
        }

        return File.ReadAllText(path).Trim();
    }
}
