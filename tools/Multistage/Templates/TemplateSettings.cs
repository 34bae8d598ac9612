using System.ComponentModel;
using Spectre.Console.Cli;

namespace Multistage.Cli.Templates;

/// <summary>The option every command that reads the templates shares.</summary>
public abstract class TemplateSettings : CommandSettings
{
    [CommandOption("--templates <DIR>")]
    [Description("Template folders to use (one folder per language, like a clone's templates/). Default: the clone's own templates/ when run from a clone, else the templates bundled with the tool.")]
    public string? Templates { get; init; }
}
