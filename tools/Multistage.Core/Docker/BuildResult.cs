using System.Globalization;
using Multistage.Core.Processes;

namespace Multistage.Core.Docker;

/// <summary>What a build did: whether it worked, its log, how long it took, and each step's cache use.</summary>
public sealed record BuildResult(BuildRequest Request, ProcessResult Process, string Log, IReadOnlyList<BuildStep> Steps)
{
    public bool Succeeded => Process.Succeeded;

    public TimeSpan Duration => Process.Duration;

    /// <summary>The steps whose title contains the text (e.g. the dependency-install RUN).</summary>
    public IReadOnlyList<BuildStep> StepsContaining(string text) =>
        Steps.Where(step => step.Name.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>A short failure description that points at the full log.</summary>
    public string Describe()
    {
        var tail = string.Join('\n', Log.Split('\n').TakeLast(30));
        var where = Request.LogFile is null ? "" : $"\nFull log: {Request.LogFile}";
        return string.Create(CultureInfo.InvariantCulture,
            $"docker build of {Request.Dockerfile} as {Request.Tag} exited {Process.ExitCode}" +
            $"{(Process.TimedOut ? " (timed out)" : "")} after {Duration.TotalSeconds:F1} s.{where}\nLast lines:\n{tail}");
    }
}
