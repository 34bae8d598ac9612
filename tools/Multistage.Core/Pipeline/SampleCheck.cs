namespace Multistage.Core.Pipeline;

/// <summary>One thing a finished multi-stage Dockerfile achieves, graded on a <see cref="SampleRun"/>.</summary>
/// <param name="Id">Stable name for --json and scripts.</param>
/// <param name="Hint">One line from the course notes' lessons, shown when the check fails.</param>
public sealed record SampleCheck(string Id, string Title, string Hint, Func<SampleRun, Task<CheckVerdict>> Evaluate)
{
    /// <summary>The rule in one line, for the README's check table (a test keeps the two equal).</summary>
    public required string PassesWhen { get; init; }
}

/// <summary>A check's result on one sample: the figure it measured and, on failure, what was wrong.</summary>
/// <param name="Fix">What to do, in place of the check's hint, when the run showed a cause the hint does not cover.</param>
public sealed record CheckVerdict(bool Passed, string Figure, string? Problem = null, string? Fix = null)
{
    public static CheckVerdict Pass(string figure) => new(true, figure);

    public static CheckVerdict Fail(string figure, string problem, string? fix = null) => new(false, figure, problem, fix);
}

/// <summary>A graded check, as `check` prints it and writes it to JSON.</summary>
public sealed record CheckOutcome(string Id, string Title, bool Passed, string Figure, string? Problem, string? Hint);
