using Multistage.Cli.Templates;
using Multistage.Core.Templates;
using Spectre.Console.Cli;

namespace Multistage.Cli.Catalog;

/// <summary><c>multistage catalog [--json]</c>: what the templates say about themselves, read the way every
/// command reads them, on stdout: Markdown tables (the README's and CONTRIBUTING's) or JSON for scripts.</summary>
public sealed class CatalogCommand(TemplateLoader templateLoader) : Command<CatalogSettings>
{
    public override int Execute(CommandContext context, CatalogSettings settings, CancellationToken cancellationToken)
    {
        var selection = templateLoader.Load(settings);

        // Plain stdout, not the console: the output is data a script or a file takes as it is.
        Console.Out.Write(settings.Json ? CatalogJson.Write(selection.Catalog) : CatalogMarkdown.Write(selection.Catalog));
        return ExitCodes.Success;
    }
}
