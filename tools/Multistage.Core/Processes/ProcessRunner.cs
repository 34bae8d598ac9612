using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Multistage.Core.Processes;

/// <summary>The one place that starts external programs (dotnet, docker): captured output, a timeout, no orphans.</summary>
public static class ProcessRunner
{
    // Children that inherit the pipes (MSBuild nodes, build servers, a detached daemon) can keep them open
    // after the process itself has exited; past this grace we return what was read rather than hang.
    private static readonly TimeSpan OutputDrainGrace = TimeSpan.FromSeconds(5);

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The full path a bare program name resolves to on PATH (as the process start would find it),
    /// a rooted path as it is, or null when PATH holds no such file.</summary>
    public static string? FindOnPath(string program) =>
        Path.IsPathRooted(program)
            ? (File.Exists(program) ? program : null)
            : (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Runs <paramref name="spec"/> to completion. A non-zero exit is returned, not thrown; on timeout or
    /// cancellation the whole process tree is killed (cancellation then throws <see cref="OperationCanceledException"/>).
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ct.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = CreateStartInfo(spec) };

        var watch = Stopwatch.StartNew();
        Start(process, spec);

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stdoutTask = spec.StandardOutputSink is { } sink
            ? process.StandardOutput.BaseStream.CopyToAsync(sink, CancellationToken.None)
            : ReadAllAsync(process.StandardOutput, stdout);
        var stderrTask = ReadAllAsync(process.StandardError, stderr);
        var stdinTask = WriteInputAsync(process, spec.StandardInput);

        using var timeout = new CancellationTokenSource(spec.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await ReapAsync(process).ConfigureAwait(false);
            if (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException($"Cancelled, process tree killed: {spec.CommandLine}", ct);
            }
            timedOut = true;
        }

        await DrainAsync(stdoutTask, stderrTask, stdinTask).ConfigureAwait(false);
        await ThrowIfStoppedBySameSignalAsync(process, spec, ct).ConfigureAwait(false);
        watch.Stop();
        // A killed process that could not be reaped has no exit code; -1 marks it (TimedOut says why).
        var exitCode = process.HasExited ? process.ExitCode : -1;
        return new ProcessResult(spec, exitCode, Snapshot(stdout), Snapshot(stderr), watch.Elapsed, timedOut);
    }

    /// <summary>
    /// Ctrl+C in a terminal signals the whole process group: the child often dies of it before this process
    /// has run its own handler and cancelled <paramref name="ct"/>. A child that ended by SIGINT or SIGTERM
    /// (.NET reports 128 + the signal) is given a moment for that cancellation to arrive, so the caller sees
    /// the cancellation it asked for, not a failed command.
    /// </summary>
    private static async Task ThrowIfStoppedBySameSignalAsync(Process process, ProcessSpec spec, CancellationToken ct)
    {
        if (!ct.CanBeCanceled || !process.HasExited || process.ExitCode is not (SignalExitCode.Interrupt or SignalExitCode.Terminate))
        {
            return;
        }

        try
        {
            await Task.Delay(SignalGrace, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new OperationCanceledException($"Cancelled, and the process stopped by the same signal: {spec.CommandLine}", ct);
        }
    }

    /// <summary>How long a signalled child waits for this process's own signal handler (it runs within milliseconds).</summary>
    private static readonly TimeSpan SignalGrace = TimeSpan.FromSeconds(1);

    /// <summary>Exit codes of a process ended by a signal, as <see cref="Process.ExitCode"/> reports them (128 + signal).</summary>
    private static class SignalExitCode
    {
        public const int Interrupt = 128 + 2;
        public const int Terminate = 128 + 15;
    }

    /// <summary>Waits for a killed process so its exit code is available. A killed tree exits at once; one
    /// stuck in the kernel (uninterruptible I/O) must not turn a timeout into a hang or a TimeoutException.</summary>
    private static async Task ReapAsync(Process process)
    {
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(OutputDrainGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Reported as exit code -1 with TimedOut set.
        }
    }

    private static ProcessStartInfo CreateStartInfo(ProcessSpec spec)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = spec.StandardInput is not null,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        if (spec.WorkingDirectory is not null)
        {
            if (!Directory.Exists(spec.WorkingDirectory))
            {
                throw new DirectoryNotFoundException(
                    $"Cannot run '{spec.FileName}': its working directory '{spec.WorkingDirectory}' does not exist. Create it first or pass another one.");
            }
            info.WorkingDirectory = spec.WorkingDirectory;
        }
        foreach (var (name, value) in spec.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
        return info;
    }

    private static void Start(Process process, ProcessSpec spec)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new FileNotFoundException(
                $"Cannot start '{spec.FileName}' ({e.Message}). Install it, put it on PATH " +
                $"(PATH={System.Environment.GetEnvironmentVariable("PATH")}) or give its full path.",
                spec.FileName,
                e);
        }
    }

    private static async Task ReadAllAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            // Appended under a lock so a timed-out run can still report what was read so far.
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }

    private static async Task WriteInputAsync(Process process, string? input)
    {
        if (input is null)
        {
            return;
        }
        try
        {
            await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process exited without reading all its input; its exit code tells the story.
        }
    }

    private static async Task DrainAsync(params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks).WaitAsync(OutputDrainGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A grandchild still holds the pipe open: keep what was read.
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the timeout and the kill.
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
