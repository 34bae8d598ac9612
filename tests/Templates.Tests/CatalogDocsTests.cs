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
        Assert.True(generated is not null, $"{path} has no '{CatalogMarkdown.Begin}' ... '{CatalogMarkdown.End}' block for the template tables.");
        if (generated == current)
        {
            return;
        }

        var settings = SnapshotSettings.FromEnvironment();
        if (settings.Accept && !settings.RunningInCi)
        {
            File.WriteAllText(path, generated);
            return;
        }
        Assert.Fail(
            $"{path}: the tables between the catalog markers differ from `multistage catalog`. " +
            $"Regenerate them: {SnapshotSettings.AcceptVariable}=1 dotnet test tests/Templates.Tests (not in CI), then review the diff.");
    }
}
