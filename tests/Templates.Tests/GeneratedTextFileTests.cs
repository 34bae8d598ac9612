using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>Learners get the files on every OS: LF endings, a final newline and no byte-order mark, everywhere.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class GeneratedTextFileTests(TemplatesFixture fixture)
{
    [Theory]
    [MemberData(nameof(RepositoryData.ScenarioNames), MemberType = typeof(RepositoryData))]
    public async Task Generated_files_have_LF_endings_a_final_newline_and_no_BOM(string scenario)
    {
        var output = await fixture.GenerateAsync(scenario);
        var offenders = TextFileRules.Offenders(output);
        Assert.True(
            offenders.Count == 0,
            $"Scenario {fixture.GetScenario(scenario)} generated files that break the text rules " +
            $"(fix the template files they come from):\n  {string.Join("\n  ", offenders)}");
    }

    [Fact]
    public void Template_source_files_have_LF_endings_a_final_newline_and_no_BOM()
    {
        var offenders = TextFileRules.Offenders(fixture.TemplatesDirectory, BuildOutputs.IsBuildOutputFolder);
        Assert.True(
            offenders.Count == 0,
            $"Files under {fixture.TemplatesDirectory} break the text rules (LF only, final newline, no BOM):\n  " +
            string.Join("\n  ", offenders));
    }
}
