using Multistage.Cli.Catalog;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>The README's and CONTRIBUTING's template tables are `multistage catalog`'s output, never
/// hand-kept copies: this fails when they are stale and, with MULTISTAGE_ACCEPT_SNAPSHOTS=1, rewrites them.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class CatalogDocsTests(TemplatesFixture fixture)
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("CONTRIBUTING.md")]
    public void Template_tables_are_the_catalogs_output(string document)
    {
        var path = Path.Combine(fixture.Root, document);
        var current = File.ReadAllText(path);
        var generated = CatalogMarkdown.Splice(current, CatalogMarkdown.Write(fixture.Templates));
        GeneratedBlockAssert.IsCurrent(path, current, generated, $"'{CatalogMarkdown.Begin}' ... '{CatalogMarkdown.End}'", "`multistage catalog`", "CatalogDocsTests");
    }
}
