using Multistage.Cli.Checking;
using Multistage.Core.Pipeline;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>The README's table of what `check` grades is written from the grader's own checks (SampleChecks.All):
/// this fails when it is stale and, with MULTISTAGE_ACCEPT_SNAPSHOTS=1 outside CI, rewrites it.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class CheckTableDocsTests(TemplatesFixture fixture)
{
    [Fact]
    public void Readme_check_table_is_the_graders_rules()
    {
        var path = Path.Combine(fixture.Root, "README.md");
        var current = File.ReadAllText(path);
        var generated = CheckTableMarkdown.Block.Splice(current, CheckTableMarkdown.Write(SampleChecks.All));
        GeneratedBlockAssert.IsCurrent(path, current, generated, $"'{CheckTableMarkdown.Block.Begin}' ... '{CheckTableMarkdown.Block.End}'", "SampleChecks.All (ids and PassesWhen)", "CheckTableDocsTests");
    }
}
