namespace Images.Tests;

/// <summary>
/// CONTRIBUTING.md's input contract, row by row, in every buildable variant's multi-stage image:
/// started with the row's PORT, HOST and arguments, the app serves (becomes healthy) or exits with
/// the row's status and exact first line.
/// </summary>
[Collection(VariantsCollection.Name)]
[Trait("Category", "Images")]
public sealed class InputContractTests(ImageFixture fixture) : NeedsDocker
{
    public static TheoryData<string, string> VariantsAndRows()
    {
        var data = new TheoryData<string, string>();
        foreach (var variant in VariantPlan.All.Select(variant => variant.Id))
        {
            foreach (var row in InputContract.Cases)
            {
                data.Add(variant, row.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VariantsAndRows))]
    public async Task Multi_stage_app_follows_the_input_contract(string variant, string row)
    {
        var images = fixture.Get(variant);
        var outcome = await images.InputRunAsync(row);
        var expected = outcome.Row;
        var given = $"{variant} started with {expected.Describe()}";
        Assert.True(outcome.Failure is null, $"{given}: {outcome.Failure}");
        if (expected.Serves)
        {
            return;
        }

        var firstLine = expected.FirstLine!(images.Variant.Template.DefaultPort);
        Assert.True(outcome.ExitCode == expected.ExitStatus && outcome.FirstLine == firstLine,
            $"{given}: expected exit {expected.ExitStatus} and first line\n  {firstLine}\n" +
            $"got exit {outcome.ExitCode} and output\n  {outcome.Logs.ReplaceLineEndings("\n  ")}\n" +
            "(CONTRIBUTING.md, The input contract.)");
    }
}
