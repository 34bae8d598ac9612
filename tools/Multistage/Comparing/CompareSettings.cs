using System.ComponentModel;
using System.Globalization;
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
    [DefaultValue("100")]
    public string Pulls { get; init; } = "100";

    /// <summary>--pulls as a number, once <see cref="Validate"/> has passed.</summary>
    public int PullCount => int.Parse(Pulls, NumberStyles.None, CultureInfo.InvariantCulture);

    // --pulls is text so that "abc" is refused here, by name, rather than by the parser's "Failed to convert".
    protected override string? InputProblem() =>
        !int.TryParse(Pulls, NumberStyles.None, CultureInfo.InvariantCulture, out var pulls) || pulls < 1
            ? $"--pulls '{Pulls}' is not a number of pulls: pass a whole number of at least 1, such as --pulls 100."
            : Languages is { } languages && languages.Trim().Length == 0
                ? "--languages is empty: name the languages to measure, or leave the option out to measure every sample."
                // Where the report goes is checked now, not after every image has been built.
                : (Out is null ? null : OutputPaths.FolderProblem("--out", Out)) ?? (Json is null ? null : OutputPaths.FileProblem("--json", Json));
}
