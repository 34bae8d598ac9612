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
        Assert.True(generated is not null, $"{path} has no '{CheckTableMarkdown.Block.Begin}' ... '{CheckTableMarkdown.Block.End}' block for check's table.");
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
            $"{path}: check's table differs from SampleChecks.All (ids and PassesWhen). " +
            $"Regenerate it: {SnapshotSettings.AcceptVariable}=1 dotnet test tests/Templates.Tests --filter CheckTableDocsTests (not in CI), then review the diff.");
    }
}
