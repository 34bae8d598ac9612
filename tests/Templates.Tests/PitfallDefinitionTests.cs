using Multistage.Core.Pipeline;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>Every pitfall a template lists still applies to what the template makes today: its edit finds
/// its text in the sample of its runtime. (The image tests then check that it shows its symptom.)</summary>
[Collection(TemplatesCollection.Name)]
public sealed class PitfallDefinitionTests(TemplatesFixture fixture)
{
    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public async Task Each_pitfall_edit_applies_to_the_sample_of_its_runtime(string language)
    {
        var template = fixture.GetTemplate(language);
        var hive = await fixture.GetHiveAsync();
        foreach (var pitfall in Pitfall.LoadFor(template))
        {
            var output = fixture.NewScratchPath($"pitfall-{language}-{pitfall.Name}");
            var result = await hive.InstantiateAsync(template.ShortName, output, ["-n", Scenario.FixedName, "--runtime", pitfall.Runtime ?? template.DefaultRuntime]);
            Assert.True(result.Succeeded, result.Describe());
            var before = File.ReadAllText(Path.Combine(output, pitfall.Edits[0].File));

            pitfall.ApplyTo(output);

            Assert.NotEqual(before, File.ReadAllText(Path.Combine(output, pitfall.Edits[0].File)));
        }
    }

    [Fact]
    public void A_pitfall_whose_text_is_gone_fails_naming_the_file_and_the_text()
    {
        var folder = fixture.NewScratchPath("pitfall-drift");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), "FROM scratch\n");
        var pitfall = new Pitfall("demo", "Demo", null, [new PitfallEdit("Dockerfile", "CGO_ENABLED=0", "CGO_ENABLED=1")], PitfallPhase.Start, "x", "why", "fix");

        var error = Assert.Throws<InvalidDataException>(() => pitfall.ApplyTo(folder));

        Assert.Equal("Pitfall 'demo': Dockerfile holds no \"CGO_ENABLED=0\" to change; update its edit in pitfalls.json.", error.Message);
    }
}
