using System.ComponentModel;
using Multistage.Cli.Templates;
using Spectre.Console.Cli;

namespace Multistage.Cli.Checking;

/// <summary>The command line of <c>check</c>.</summary>
public sealed class CheckSettings : ImageBuildSettings
{
    [CommandArgument(0, "[DIR]")]
    [Description("A sample folder: a starter exercise with the learner's Dockerfile, or any project the templates made. Default: the current folder")]
    public string Directory { get; init; } = ".";

    [CommandOption("-l|--language <LANGUAGE>")]
    [Description("The sample's language, when the folder does not say (default: the template whose source file the folder holds).")]
    public string? Language { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write the graded checks as JSON for machines (a course's CI, a gradebook).")]
    public string? Json { get; init; }


    protected override string? InputProblem() => Json is null ? null : OutputPaths.FileProblem("--json", Json);
}
