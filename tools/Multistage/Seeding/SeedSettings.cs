using System.ComponentModel;
using Multistage.Cli.Templates;
using Spectre.Console.Cli;

namespace Multistage.Cli.Seeding;

/// <summary>The command line of <c>seed</c>; checked in depth by <see cref="SeedPlanner"/>.</summary>
public sealed class SeedSettings : TemplateSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder to seed. Default: ./course")]
    [DefaultValue("course")]
    public string Out { get; init; } = "course";

    [CommandOption("-l|--languages <LIST>")]
    [Description("Comma-separated languages, in the order they appear. Default: every template in the pack.")]
    public string? Languages { get; init; }

    [CommandOption("-r|--runtime <LANG=CHOICE>")]
    [Description("Final-stage base for one language, e.g. go=scratch. Repeat for more languages.")]
    public string[] Runtimes { get; init; } = [];

    [CommandOption("-m|--mode <MODE>")]
    [Description("solution (finished samples), starter (exercises) or both (starter/ and solution/ side by side). Default: solution")]
    [DefaultValue("solution")]
    public string Mode { get; init; } = "solution";

    [CommandOption("-p|--port-base <N>")]
    [Description("Port of the first language; the next ones count up from it. Default: 8080")]
    [DefaultValue("8080")]
    public string PortBase { get; init; } = "8080";

    [CommandOption("--pitfalls")]
    [Description("Also write pitfalls/: the course notes' pitfalls as samples with one deliberate mistake each, which `multistage pitfalls` reproduces.")]
    public bool Pitfalls { get; init; }

    [CommandOption("-f|--force")]
    [Description("Seed into a non-empty folder: replace what a seed writes there (every sample folder and the course files), so no sample of an earlier seed or mode stays. Other files are kept.")]
    public bool Force { get; init; }
}
