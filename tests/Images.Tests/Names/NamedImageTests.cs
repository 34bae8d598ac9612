namespace Images.Tests.Names;

/// <summary>
/// A name full of the characters that broke the templates (space, both quotes, backslash, `$`,
/// non-ASCII), built as a real image in every template's default variant: it builds, runs and
/// greets with the name exactly as typed.
/// </summary>
[Collection(VariantsCollection.Name)]
[Trait("Category", "Images")]
public sealed class NamedImageTests(ImageFixture fixture) : NeedsDocker
{
    public const string OddName = "it's my \"app\" \\ $HOME 中文";

    [Theory]
    [MemberData(nameof(VariantPlan.DefaultIds), MemberType = typeof(VariantPlan))]
    public async Task Image_of_a_project_with_an_odd_name_builds_and_greets_with_the_name(string variant)
    {
        var images = fixture.GetNamed(variant, OddName);
        var outcome = await images.RunAsync();
        var expectedStart = $"Hello from {OddName}, a";
        Assert.True(outcome.Root.Status == 200 && outcome.Root.Body.StartsWith(expectedStart, StringComparison.Ordinal) && outcome.Root.Body.EndsWith(" app!", StringComparison.Ordinal),
            $"{variant} generated with -n {System.Text.Json.JsonSerializer.Serialize(OddName)}: GET / gave {outcome.Root}; expected \"{expectedStart} ... app!\". " +
            $"Build log: {images.LogFile("multi")}");
    }
}
