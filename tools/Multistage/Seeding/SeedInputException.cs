namespace Multistage.Cli.Seeding;

/// <summary>Bad input to <c>seed</c>, found before anything is written. Each problem names its fix.</summary>
public sealed class SeedInputException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
