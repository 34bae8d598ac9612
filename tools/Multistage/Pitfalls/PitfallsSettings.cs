using System.ComponentModel;
using Multistage.Cli.Templates;
using Spectre.Console.Cli;

namespace Multistage.Cli.Pitfalls;

/// <summary>The command line of <c>pitfalls</c>.</summary>
public sealed class PitfallsSettings : ImageBuildSettings
{
    [CommandArgument(0, "[COURSE]")]
    [Description("A course seeded with --pitfalls. Default: ./course")]
    public string Directory { get; init; } = "course";

    [CommandOption("--only <PITFALL>")]
    [Description("Run only this pitfall: its folder under pitfalls/, e.g. go-cgo-on-scratch. Repeatable")]
    public string[] Only { get; init; } = [];
}
