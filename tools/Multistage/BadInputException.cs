namespace Multistage.Cli;

/// <summary>Bad input, found before any work starts: every problem at once, each naming its fix. The one
/// shape every command and planner reports input problems in; <see cref="FailureHandler"/> prints them,
/// one line each, with "Nothing was written." and exit 2.</summary>
public sealed class BadInputException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public BadInputException(string problem)
        : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>Throws when <paramref name="problems"/> holds any.</summary>
    public static void ThrowIfAny(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new BadInputException(problems);
        }
    }
}
