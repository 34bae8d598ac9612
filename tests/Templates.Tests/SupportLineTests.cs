using Multistage.Core.Dockerize;
using Multistage.Core.Templates;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>
/// The version rule (CONTRIBUTING.md, "Versions"): every toolchain version a template offers (its choices and
/// default, in the project template and in init's item template) and every base image line its Dockerfiles
/// name (its line constants, and the lines the table's patterns find in its images) is in docs/support-lines.json, and none is past its upstream end of support on the day the tests run,
/// unless the table keeps it as a dated exception; those are printed by name.
/// </summary>
[Collection(TemplatesCollection.Name)]
public sealed class SupportLineTests(TemplatesFixture fixture)
{
    [Fact]
    public void No_offered_line_is_past_its_end_of_support_today()
    {
        var table = SupportLines.Load(fixture.Root);
        var verdict = SupportRule.Check(table, Offered(table), DateOnly.FromDateTime(DateTime.UtcNow));

        foreach (var exception in verdict.Exceptions)
        {
            TestContext.Current.SendDiagnosticMessage($"Kept past its end of support: {exception}");
            TestContext.Current.TestOutputHelper?.WriteLine(exception);
        }
        Assert.True(verdict.Problems.Count == 0, string.Join("\n", verdict.Problems));
    }

    /// <summary>The rule against today's table on a later day: the day after Node.js 22's end of support, which
    /// the Node template offers, the check names it (so the test above can fail, without waiting for the day).</summary>
    [Fact]
    public void A_line_past_its_end_of_support_is_named()
    {
        var table = SupportLines.Load(fixture.Root);
        var node22 = table.LinesOf("node")!.Single(l => l.Line == "22");

        var verdict = SupportRule.Check(table, Offered(table), node22.EndOfSupport.AddDays(1));

        Assert.Contains(verdict.Problems, p => p.StartsWith("node 22 (", StringComparison.Ordinal) && p.Contains("out of upstream support since 2027-04-30", StringComparison.Ordinal));
    }

    [Fact]
    public void A_choice_missing_from_the_table_is_named()
    {
        var table = SupportLines.Load(fixture.Root);
        OfferedLine[] offered = [new("go", "1.99", "a template.json")];

        var verdict = SupportRule.Check(table, offered, new DateOnly(2026, 12, 4));

        Assert.Equal([$"go 1.99 (a template.json) is not in {SupportLines.RelativePath}: add it with its upstream end of support and the page that states it."], verdict.Problems);
    }

    /// <summary>Each template's toolchain choices (project and item template, so the default too), its base image
    /// line constants, and the base image lines of every image the catalog reads from its Dockerfiles.</summary>
    private IEnumerable<OfferedLine> Offered(SupportLines table)
    {
        foreach (var template in fixture.Templates)
        {
            foreach (var folder in new[] { template.FolderPath, Path.Combine(template.FolderPath, ItemTemplate.FolderName) })
            {
                var definition = TemplateDefinition.Load(folder);
                var toolchain = definition.Toolchain;
                var file = Path.GetRelativePath(fixture.Root, Path.Combine(folder, ".template.config", TemplateDefinition.FileName));
                foreach (var choice in toolchain?.Choices ?? [])
                {
                    var isDefault = choice.Choice == toolchain!.DefaultValue ? ", the default" : "";
                    yield return new OfferedLine(template.Language, choice.Choice, $"{file} {toolchain.Name}{isDefault}");
                }
                foreach (var product in table.BaseImages.Values)
                {
                    if (definition.Constants.FirstOrDefault(c => c.Name == product.Symbol) is { } constant)
                    {
                        yield return new OfferedLine(product.Product, constant.Value, $"{file} {constant.Name}");
                    }
                }
            }

            var images = template.Runtimes.Values.SelectMany(r => new[] { r.BuilderImage, r.RuntimeImage }).Append(template.SingleStageImage).Distinct();
            foreach (var image in images)
            {
                foreach (var (product, line) in table.BaseImageLines(image))
                {
                    yield return new OfferedLine(product, line, $"{image} in templates/{template.Language}");
                }
            }
        }
    }
}
