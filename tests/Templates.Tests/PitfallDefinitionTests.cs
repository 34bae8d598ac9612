using Multistage.Core.Pipeline;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>Every pitfall a template lists still applies to what the template makes today: its edit finds
/// its text in the sample of its runtime; each language reproduces the notes' lessons in every phase; and
/// the README's "## Pitfalls" is written from pitfalls.json. (The image tests then check each symptom.)</summary>
[Collection(TemplatesCollection.Name)]
public sealed class PitfallDefinitionTests(TemplatesFixture fixture)
{
    /// <summary>The phases the notes' lessons show in for every language: COPY --from=0 (build), shell form on
    /// an image without a shell (start), a shell as PID 1 (stop), sources before the manifest (cache), the
    /// toolchain in the final image (size).</summary>
    private static readonly PitfallPhase[] NotesPhases = [PitfallPhase.Build, PitfallPhase.Start, PitfallPhase.Stop, PitfallPhase.Cache, PitfallPhase.Size];

    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public async Task Each_pitfall_edit_applies_to_the_sample_of_its_runtime(string language)
    {
        var template = fixture.GetTemplate(language);
        foreach (var pitfall in Pitfall.LoadFor(template).Where(p => p.Edits is { Count: > 0 }))
        {
            // The sample of the pitfall's runtime is made once per run; each pitfall edits a copy of its own.
            var runtime = pitfall.RuntimeOf(template);
            var sample = await fixture.GenerateAsync(template.ShortName, ["-n", Scenario.FixedName, "--runtime", runtime], $"{language}-sample-{runtime}");
            var output = fixture.NewScratchPath($"pitfall-{language}-{pitfall.Name}");
            FileTree.Replace(sample, output);
            var files = pitfall.Edits!.Select(e => e.File).Distinct().ToList();
            var before = files.Select(f => File.ReadAllText(Path.Combine(output, f))).ToList();

            pitfall.ApplyTo(output);

            var changed = files.Where((f, i) => File.ReadAllText(Path.Combine(output, f)) != before[i]).ToList();
            Assert.True(changed.Count == files.Count, $"Pitfall '{language}-{pitfall.Name}' left {string.Join(", ", files.Except(changed))} unchanged.");
        }
    }

    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public void Each_language_reproduces_a_pitfall_in_every_phase_the_notes_teach(string language)
    {
        var template = fixture.GetTemplate(language);
        var runnable = Pitfall.LoadFor(template).Where(p => p.NotReproducibleReason(template) is null).ToList();

        var missing = NotesPhases.Where(phase => runnable.All(p => p.Phase != phase)).ToList();

        Assert.True(missing.Count == 0,
            $"{template.ConfigDirectory}/{Pitfall.FileName} reproduces nothing in phase {string.Join(", ", missing)}; " +
            "add the notes' pitfall for it (CONTRIBUTING.md, pitfalls.json), or say why it cannot be reproduced here.");
    }

    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public void Readme_pitfalls_section_is_written_from_pitfalls_json(string language)
    {
        var template = fixture.GetTemplate(language);
        var readmePath = Path.Combine(template.FolderPath, "README.md");
        var readme = File.ReadAllText(readmePath);
        var section = PitfallList.Find(readme);
        Assert.True(section is not null, $"{readmePath} has no \"{PitfallList.Heading}\" section followed by a blank line (CONTRIBUTING.md).");
        var (start, length) = section.Value;
        var expected = PitfallList.Markdown(Pitfall.LoadFor(template));
        if (readme.Substring(start, length) == expected)
        {
            return;
        }

        var settings = SnapshotSettings.FromEnvironment();
        Assert.False(settings.RunningInCi || !settings.Accept,
            $"{readmePath}'s \"{PitfallList.Heading}\" differs from {Pitfall.FileName}, which it is written from. Edit {Pitfall.FileName}, " +
            $"then rewrite the section: {SnapshotSettings.AcceptVariable}=1 dotnet test tests/Templates.Tests --filter FullyQualifiedName~PitfallDefinition " +
            "(refused when CI=true), review `git diff` and commit.");
        File.WriteAllText(readmePath, readme[..start] + expected + readme[(start + length)..]);
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

    [Theory]
    [InlineData("""{ "name": "demo", "title": "Demo", "why": "w", "fix": "f" }""", "needs at least one edit, a phase and a symptom, or a notReproducible reason")]
    [InlineData("""{ "name": "demo", "title": "Demo", "why": "w", "fix": "f", "notReproducible": "r" }, { "name": "demo", "title": "Again", "why": "w", "fix": "f", "notReproducible": "r" }""", "is listed twice")]
    [InlineData("""{ "name": "Demo Pitfall", "title": "Demo", "why": "w", "fix": "f", "notReproducible": "r" }""", "needs a name of lower-case letters")]
    [InlineData("""{ "name": "demo", "title": "Demo", "runtime": "mars", "why": "w", "fix": "f", "notReproducible": "r" }""", "has runtime 'mars'")]
    public void A_broken_entry_is_named_with_its_file_and_the_problem(string entries, string problem)
    {
        var folder = fixture.NewScratchPath("pitfall-broken");
        Directory.CreateDirectory(Path.Combine(folder, ".template.config"));
        var file = Path.Combine(folder, ".template.config", Pitfall.FileName);
        File.WriteAllText(file, $"[{entries}]");
        var template = fixture.GetTemplate("go") with { FolderPath = folder };

        var error = Assert.Throws<InvalidDataException>(() => Pitfall.LoadFor(template));

        Assert.StartsWith($"{file}: pitfall '", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
