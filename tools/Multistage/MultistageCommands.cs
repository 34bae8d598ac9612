using Multistage.Cli.Catalog;
using Multistage.Cli.Checking;
using Multistage.Cli.Comparing;
using Multistage.Cli.Init;
using Multistage.Cli.Pitfalls;
using Multistage.Cli.Seeding;
using Spectre.Console.Cli;

namespace Multistage.Cli;

/// <summary>The command line: its commands, help and failure handling, configured once for the real tool
/// (Program.cs) and for the tests that run it in-process. `multistage` with no command seeds ./course
/// (the default command, <see cref="SeedCommand"/>, which each host sets on its app).</summary>
public static class MultistageCommands
{
    public static void Configure(IConfigurator config, CommandServices services)
    {
        // --help says which templates a command will use when --templates is not given.
        var templates = $"Templates: {services.Templates.DescribeDefault()}.";
        config.SetApplicationName("multistage");
        config.SetApplicationVersion(ToolInfo.Version);
        // An unknown option is an error, not an extra argument: a misspelt `--langauges go` must not seed every language.
        config.UseStrictParsing();
        config.SetExceptionHandler(new FailureHandler(services.Errors, services.Cancelled).Handle);
        config.AddCommand<SeedCommand>("seed")
            .WithDescription($"Seed a course repository with the languages side by side (default command). {templates}")
            .WithExample("seed")
            .WithExample("seed", "--out", "course", "--languages", "go,rust", "--runtime", "go=scratch", "--mode", "both");
        config.AddCommand<CheckCommand>("check")
            .WithDescription($"Grade the multi-stage Dockerfile in a sample folder against what the solution achieves (exit 0 all pass, 1 any fails). {templates}")
            .WithExample("check", "starter/go")
            .WithExample("check", "starter/python", "--json", "grade.json", "--build-arg", "PIP_INDEX_URL=http://127.0.0.1:8000/simple/");
        config.AddCommand<PitfallsCommand>("pitfalls")
            .WithDescription($"Reproduce every pitfall of a course seeded with --pitfalls; exit 0 only when each shows its symptom. {templates}")
            .WithExample("pitfalls", "course");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription($"Build every sample's single- and multi-stage image and report what they cost. {templates}")
            .WithExample("compare", "course", "--out", "course/report", "--json", "course/report/comparison.json");
        config.AddCommand<InitCommand>("init")
            .WithDescription($"Add the paired Dockerfiles (multi-stage and single-stage), .dockerignore, compose.yaml and README.Docker.md to an existing project, detecting its language and layout. {templates}")
            .WithExample("init", "--dry-run")
            .WithExample("init", "--verify")
            .WithExample("init", "path/to/project", "--runtime", "scratch", "--set", "main=./cmd/api");
        config.AddCommand<CatalogCommand>("catalog")
            .WithDescription($"Print what the templates say about themselves (languages, short names, ports, runtimes, base images) as Markdown, or as JSON for scripts. {templates}")
            .WithExample("catalog", "--json");
    }

    /// <summary>Runs <paramref name="args"/> through <paramref name="run"/> (the app), unless Spectre would
    /// misread them: it hands an option given without its value the text "__default_command" (`seed --out`
    /// seeded a folder of that name), so such a command line is refused here, naming the option.
    /// A word no argument takes is refused here too (<see cref="UnexpectedArgument"/>).</summary>
    public static Task<int> RunAsync(string[] args, CommandServices services, Func<string[], Task<int>> run) =>
        (MissingOptionValue.Find(args, Commands) ?? UnexpectedArgument.Find(args, Commands)) is { } problem
            ? Task.FromResult(services.Errors.BadInput([problem]))
            : run(args);

    /// <summary>Each command's name and settings; the first is the default command.</summary>
    private static readonly (string Name, Type Settings)[] Commands =
    [
        ("seed", typeof(SeedSettings)), ("compare", typeof(CompareSettings)), ("check", typeof(CheckSettings)),
        ("pitfalls", typeof(PitfallsSettings)), ("init", typeof(InitSettings)), ("catalog", typeof(CatalogSettings)),
    ];
}
