using System.ComponentModel;
using Multistage.Cli.Templates;
using Spectre.Console.Cli;

namespace Multistage.Cli.Pitfalls;

/// <summary>The command line of <c>pitfalls</c>.</summary>
public sealed class PitfallsSettings : TemplateSettings
{
    [CommandArgument(0, "[COURSE]")]
    [Description("A course seeded with --pitfalls. Default: ./course")]
    public string Directory { get; init; } = "course";

    [CommandOption("--build-arg <KEY=VALUE>")]
    [Description("A build argument for every build, e.g. PIP_INDEX_URL=http://mirror/simple/ behind a private index. Repeatable.")]
    public string[] BuildArguments { get; init; } = [];

    public override Spectre.Console.ValidationResult Validate() =>
        BuildArgumentOption.Problem(BuildArguments) is { } problem
            ? Spectre.Console.ValidationResult.Error(problem)
            : Spectre.Console.ValidationResult.Success();
}
