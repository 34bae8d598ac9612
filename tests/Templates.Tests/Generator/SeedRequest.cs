using Multistage.Cli.Seeding;

namespace Templates.Tests.Generator;

/// <summary>One seed request the snapshot and validator tests share; <see cref="Name"/> names its snapshot.</summary>
public sealed record SeedRequest(string Name, string Mode, string? Languages, string[] Runtimes, int PortBase)
{
    /// <summary>All five languages with their defaults: the README's main job.</summary>
    public static readonly SeedRequest Solution = new("seed-solution", "solution", null, [], 8080);

    /// <summary>Two languages as exercises: only Dockerfile.single is buildable.</summary>
    public static readonly SeedRequest Starter = new("seed-starter", "starter", "go,python", [], 8080);

    /// <summary>Two languages in starter/ and solution/, with a non-default runtime and port base, so the
    /// snapshot shows both options reaching the course files.</summary>
    public static readonly SeedRequest Both = new("seed-both", "both", "go,python", ["go=scratch"], 9000);

    public static IReadOnlyList<SeedRequest> All { get; } = [Solution, Starter, Both];

    public static SeedRequest Named(string name) =>
        All.SingleOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"No seed request named '{name}'; known: {string.Join(", ", All.Select(r => r.Name))}");

    public SeedSettings Settings(string outDirectory) => new()
    {
        Out = outDirectory,
        Mode = Mode,
        Languages = Languages,
        Runtimes = Runtimes,
        PortBase = PortBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
