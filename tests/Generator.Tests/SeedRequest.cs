namespace Generator.Tests;

/// <summary>One seed request the snapshot and validator tests share; <see cref="Name"/> names its snapshot.</summary>
public sealed record SeedRequest(string Name, string Mode, string? Languages, string[] Runtimes, int PortBase, bool Pitfalls = false)
{
    /// <summary>All five languages with their defaults: the README's main job.</summary>
    public static readonly SeedRequest Solution = new("seed-solution", "solution", null, [], 8080);

    /// <summary>Two languages as exercises: only Dockerfile.single is buildable.</summary>
    public static readonly SeedRequest Starter = new("seed-starter", "starter", "go,python", [], 8080);

    /// <summary>Two languages in starter/ and solution/, with a non-default runtime and port base, so the
    /// snapshot shows both options reaching the course files, and the pitfall gallery the README points to.</summary>
    public static readonly SeedRequest Both = new("seed-both", "both", "go,python", ["go=scratch"], 9000, Pitfalls: true);

    public static IReadOnlyList<SeedRequest> All { get; } = [Solution, Starter, Both];

    public static SeedRequest Named(string name) =>
        All.SingleOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"No seed request named '{name}'; known: {string.Join(", ", All.Select(r => r.Name))}");

    /// <summary>The options past --out, as a user types them.</summary>
    public IReadOnlyList<string> Arguments =>
    [
        "--mode", Mode,
        .. Languages is null ? [] : new[] { "--languages", Languages },
        .. Runtimes.SelectMany(runtime => new[] { "--runtime", runtime }),
        "--port-base", PortBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
        .. Pitfalls ? new[] { "--pitfalls" } : [],
    ];

    /// <summary>The languages seeded, in course order: those asked for, else every template in the pack.</summary>
    public IReadOnlyList<string> LanguagesSeeded =>
        Languages?.Split(',') ?? [.. Multistage.Core.Templates.TemplateCatalog.LoadRepository().Select(t => t.Language)];
}
