using System.Globalization;
using Multistage.Core.Docker;
using Multistage.Core.Net;

namespace Multistage.Core.Pipeline;

/// <summary>What a pitfall's sample did in the phase where its symptom belongs.</summary>
public sealed record PitfallObservation(string Observed, bool ShowsSymptom);

/// <summary>Runs the pipeline on a pitfall's sample up to its phase and says what happened there.</summary>
public static class PitfallObserver
{
    private static readonly TimeSpan StartWindow = TimeSpan.FromSeconds(30);

    public static async Task<PitfallObservation> ObserveAsync(SampleRun run, PitfallPhase phase, string symptom)
    {
        var build = await run.MultiBuildAsync();
        string observed;
        if (!build.Succeeded)
        {
            observed = $"build failed: {Excerpt(build.Process.StandardError + build.Log, symptom, 3)}";
        }
        else
        {
            observed = phase switch
            {
                PitfallPhase.Build => "built",
                PitfallPhase.Start => await StartAsync(run, symptom),
                PitfallPhase.Probe => await ProbeAsync(run),
                PitfallPhase.Stop => await StopAsync(run),
                PitfallPhase.Cache => await CacheAsync(run),
                _ => await SizeAsync(run),
            };
        }

        return new PitfallObservation(observed, observed.Contains(symptom, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Starts the image plainly and reports how it ended within the window (or that it kept running).</summary>
    private static async Task<string> StartAsync(SampleRun run, string symptom)
    {
        var name = $"{run.Name}-start";
        try
        {
            await run.Containers.RunDetachedAsync(ContainerRunOptions.Serving(run.MultiTag, name, run.Network, FreeLoopbackPort.Next()), run.Cancellation);
            var state = await run.Containers.WaitUntilExitedAsync(name, StartWindow, run.Cancellation);
            return $"exited {state.ExitCode}: {Excerpt(await run.Containers.LogsAsync(name, run.Cancellation), symptom, 2)}";
        }
        catch (DockerCommandException e)
        {
            // The daemon's reason is the first line; the client adds a usage hint after it.
            return $"did not start: {e.Result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()}";
        }
        catch (InvalidOperationException)
        {
            return $"still running after {StartWindow.TotalSeconds:0} s";
        }
        finally
        {
            // Not the run's token: a cancelled start must still remove its container.
            await run.Containers.RemoveAsync(name, CancellationToken.None);
        }
    }

    private static async Task<string> ProbeAsync(SampleRun run)
    {
        var outcome = await run.RunAsync();
        return $"GET / gave {outcome.Root}; GET {outcome.HealthPath} gave {outcome.Health}";
    }

    private static async Task<string> StopAsync(SampleRun run)
    {
        var outcome = await run.RunAsync();
        return outcome.Stopped is { } stopped
            ? $"exit {stopped.ExitCode} after {stopped.StopDuration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
            : $"not stopped: {outcome.StopFailure?.Message ?? outcome.BeforeStop.Status}";
    }

    private static async Task<string> CacheAsync(SampleRun run)
    {
        var use = SampleRules.DependencyCache(await run.SourceChangeRebuildAsync(), run.Template.DependencyStep);
        return use.Rerun.Count > 0 ? $"`{run.Template.DependencyStep}` ran again" : $"`{run.Template.DependencyStep}` cached";
    }

    private static async Task<string> SizeAsync(SampleRun run)
    {
        var ratio = (await run.MultiInfoAsync()).Size / (double)(await run.SingleInfoAsync()).Size;
        var limit = run.Template.MaxSizeRatio.ToString("P0", CultureInfo.InvariantCulture);
        return $"{ratio.ToString("P1", CultureInfo.InvariantCulture)} of single-stage: {(ratio > run.Template.MaxSizeRatio ? "above" : "within")} the {limit} limit";
    }

    /// <summary>The last line that shows the symptom when there is one (a stack trace or a build log can put
    /// it above the end), else the last <paramref name="count"/> lines, where errors usually end.</summary>
    private static string Excerpt(string text, string symptom, int count)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var showing = lines.LastOrDefault(l => l.Contains(symptom, StringComparison.OrdinalIgnoreCase));
        return showing ?? string.Join(" | ", lines.TakeLast(count));
    }
}
