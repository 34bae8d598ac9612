using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Multistage.Tests.Shared;

/// <summary>The one way a test skips for something this machine lacks: counted under its reason for the
/// assembly's <see cref="SkipSummary"/>, then skipped with the reason, the detail and the fix.</summary>
public static class SkippedTests
{
    /// <param name="reason">What is missing, the same words for every test it stops (the summary groups by it).</param>
    /// <param name="fix">The command that removes the skip; null when <paramref name="reason"/> already ends with it.</param>
    /// <param name="detail">What this one test lacks, if more than the reason (a variant's base images).</param>
    [DoesNotReturn]
    public static void Skip(string reason, string? fix, string? detail = null)
    {
        // The assembly fixture exists before any test runs, so this completes at once.
        var summary = TestContext.Current.GetFixture<SkipSummary>().AsTask().GetAwaiter().GetResult()
            ?? throw new InvalidOperationException(
                $"A test skipped ({reason}) in an assembly without [assembly: AssemblyFixture(typeof({nameof(SkipSummary)}))]: add it, so the run prints the reason.");
        summary.Record(reason, fix);
        Assert.Skip(SkipSummary.Sentence(reason, detail is null ? null : $": {detail}", fix, "it"));
        throw new UnreachableException();
    }
}
