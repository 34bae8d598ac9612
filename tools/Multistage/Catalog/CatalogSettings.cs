using System.ComponentModel;
using Multistage.Cli.Templates;
using Spectre.Console.Cli;

namespace Multistage.Cli.Catalog;

/// <summary>The command line of <c>catalog</c>.</summary>
public sealed class CatalogSettings : TemplateSettings
{
    [CommandOption("--json")]
    [Description("Print the catalog as JSON for scripts (schema: CONTRIBUTING.md, \"multistage catalog --json\") instead of Markdown tables.")]
    public bool Json { get; init; }
}
