using System.Collections.Concurrent;

namespace Multistage.Tests.Shared;

/// <summary>
/// The skip reasons of one test assembly, printed once each when it finishes: "N test(s) skipped: reason.
/// To run them: fix". VSTest shows a skip's reason only at detailed verbosity, and one line per test would
/// bury it; xunit's diagnostic messages reach `dotnet test`'s console as warnings at every verbosity but
/// quiet (each test project's xunit.runner.json turns them on). Registered per assembly with
/// <c>[assembly: AssemblyFixture(typeof(SkipSummary))]</c>; tests skip through <see cref="SkippedTests"/>.
/// </summary>
public sealed class SkipSummary : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Reason, string? Fix), int> _counts = new();

    public void Record(string reason, string? fix) => _counts.AddOrUpdate((reason, fix), 1, (_, count) => count + 1);

    /// <summary>One line per distinct reason, most tests first.</summary>
    public IReadOnlyList<string> Lines() =>
        [.. _counts.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key.Reason, StringComparer.Ordinal)
            .Select(entry => $"{entry.Value} test(s) skipped: {Sentence(entry.Key.Reason, null, entry.Key.Fix, "them")}")];

    /// <summary>"reason[detail]. To run it: fix", or the reason alone when it names its fix itself.</summary>
    internal static string Sentence(string reason, string? detail, string? fix, string pronoun) =>
        fix is null ? $"{reason.TrimEnd('.')}{detail}." : $"{reason.TrimEnd('.')}{detail}. To run {pronoun}: {fix}";

    public ValueTask DisposeAsync()
    {
        foreach (var line in Lines())
        {
            TestContext.Current.SendDiagnosticMessage(line);
        }

        return ValueTask.CompletedTask;
    }
}
