using System.ComponentModel;
using Multistage.Cli.Templates;
using Spectre.Console.Cli;

namespace Multistage.Cli.Comparing;

/// <summary>The command line of <c>compare</c>.</summary>
public sealed class CompareSettings : ImageBuildSettings
{
    [CommandArgument(0, "[DIR]")]
    [Description("A seeded course (or any folder with one sample folder per language). Default: ./course")]
    public string Directory { get; init; } = "course";

    [CommandOption("-o|--out <DIR>")]
    [Description("Where comparison.md and sizes.svg go. Default: DIR/report")]
    public string? Out { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write the measurements as JSON for machines.")]
    public string? Json { get; init; }

    [CommandOption("-l|--languages <LIST>")]
    [Description("Comma-separated languages to measure. Default: every sample found in DIR.")]
    public string? Languages { get; init; }

    [CommandOption("--pulls <N>")]
    [Description("Number of pulls for the network-transfer estimate (for example, pods in a deployment). Default: 100")]
    [DefaultValue(100)]
    public int Pulls { get; init; } = 100;


    protected override string? OutputProblem() =>
        Pulls < 1
            ? $"--pulls {Pulls}: the number of pulls must be at least 1."
            // Where the report goes is checked now, not after every image has been built.
            : (Out is null ? null : OutputPaths.FolderProblem("--out", Out)) ?? (Json is null ? null : OutputPaths.FileProblem("--json", Json));
}
