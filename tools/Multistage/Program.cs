using Multistage.Cli;
using Multistage.Cli.Catalog;
using Multistage.Cli.Checking;
using Multistage.Cli.Comparing;
using Multistage.Cli.Init;
using Multistage.Cli.Pitfalls;
using Multistage.Cli.Seeding;
using Multistage.Cli.Templates;
using Spectre.Console;
using Spectre.Console.Cli;

// Redirected output (CI logs, pipes) has no real width: Spectre would hard-wrap every message at 80
// columns, splitting one error over several lines and the commands users copy out of it.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 1000;
}

// --help says which templates a command will use when --templates is not given.
var templates = $"Templates: {TemplateSelection.DescribeDefault()}.";

// `multistage` with no command seeds ./course, the main job a newcomer runs.
var app = new CommandApp<SeedCommand>();
app.Configure(config =>
{
    config.SetApplicationName("multistage");
    config.SetApplicationVersion(ToolInfo.Version);
    // An unknown option is an error, not an extra argument: a misspelt `--langauges go` must not seed every language.
    config.UseStrictParsing();
    config.SetExceptionHandler(FailureHandler.Handle);
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
        .WithExample("init", "path/to/project", "--runtime", "scratch", "--set", "main=./cmd/api");
    config.AddCommand<CatalogCommand>("catalog")
        .WithDescription($"Print what the templates say about themselves (languages, short names, ports, runtimes, base images) as Markdown, or as JSON for scripts. {templates}")
        .WithExample("catalog", "--json");
});
// Spectre hands an option given without its value the text "__default_command" (`seed --out` seeded a
// folder of that name), so such a command line is refused here, naming the option.
if (MissingOptionValue.Find(args, ("seed", typeof(SeedSettings)), ("compare", typeof(CompareSettings)), ("check", typeof(CheckSettings)), ("pitfalls", typeof(PitfallsSettings)), ("init", typeof(InitSettings)), ("catalog", typeof(CatalogSettings))) is { } missing)
{
    return ErrorOutput.BadInput([missing]);
}

using var cancellation = new SignalCancellation();
return await app.RunAsync(args, cancellation.Token);
