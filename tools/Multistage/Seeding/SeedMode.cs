namespace Multistage.Cli.Seeding;

/// <summary>What a seeded course holds per language: the finished sample, the exercise, or both.</summary>
public enum SeedMode
{
    Solution,
    Starter,
    Both,
}
