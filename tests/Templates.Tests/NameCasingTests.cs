using System.Text.RegularExpressions;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>
/// Names are lower-cased the same whatever the user's culture: under tr-TR, culture-aware lower
/// casing turns "I" into a dotless "ı", which the image name form then drops ("ILIK" became "l-k").
/// </summary>
[Collection(TemplatesCollection.Name)]
public sealed partial class NameCasingTests(TemplatesFixture fixture)
{
    private static readonly Dictionary<string, string?> TurkishCulture = new()
    {
        ["LANG"] = "tr_TR.UTF-8",
        ["LC_ALL"] = "tr_TR.UTF-8",
    };

    [GeneratedRegex(@"^    image: (?<image>.*)$", RegexOptions.Multiline)]
    private static partial Regex ComposeImage();

    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public async Task Image_name_is_the_same_under_a_turkish_culture(string language)
    {
        var template = fixture.GetTemplate(language);
        var hive = await fixture.GetHiveAsync();
        var output = fixture.NewScratchPath($"{language}-turkish");

        var result = await hive.InstantiateAsync(template.ShortName, output, ["-n", "ILIK"], TurkishCulture, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Describe());
        var image = ComposeImage().Match(await File.ReadAllTextAsync(Path.Combine(output, "compose.yaml"), TestContext.Current.CancellationToken)).Groups["image"].Value;
        Assert.True(image == "ilik",
            $"{language}: -n ILIK under LANG=tr_TR.UTF-8 gives the image name \"{image}\", expected \"ilik\": " +
            "use the lowerCaseInvariant form, not lowerCase, in template.json.");
    }
}
