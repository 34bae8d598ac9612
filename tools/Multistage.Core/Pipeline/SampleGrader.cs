namespace Multistage.Core.Pipeline;

/// <summary>Runs the checks on one sample, in order; a check that cannot be measured fails and says why. A
/// cancelled run (<see cref="SampleRun.Cancellation"/>) stops the grading rather than failing a check.</summary>
public static class SampleGrader
{
    public static async Task<IReadOnlyList<CheckOutcome>> GradeAsync(SampleRun run, IReadOnlyList<SampleCheck> checks)
    {
        var outcomes = new List<CheckOutcome>();
        foreach (var check in checks)
        {
            run.Cancellation.ThrowIfCancellationRequested();
            CheckVerdict verdict;
            try
            {
                verdict = await check.Evaluate(run);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                // Most checks need the built image: one failed build must not read as eleven mysteries.
                var why = (await run.MultiBuildAsync()).Succeeded ? e.Message.Split('\n')[0] : "the multi-stage build failed";
                verdict = CheckVerdict.Fail("not measured", why);
            }

            outcomes.Add(new CheckOutcome(check.Id, check.Title, verdict.Passed, verdict.Figure, verdict.Problem, verdict.Passed ? null : verdict.Fix ?? check.Hint));
        }

        return outcomes;
    }
}
