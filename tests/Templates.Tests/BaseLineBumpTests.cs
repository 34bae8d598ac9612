using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Multistage.Core.Dockerize;
using Multistage.Core.Pipeline;
using Multistage.Core.Templates;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>
/// A base image line bump (Alpine's branch, the Debian suite, the distroless release, Ubuntu's),
/// done on a copy of templates/ and docs/support-lines.json as a contributor does it: the table's current line
/// edited, then the template.json copies refreshed (what MULTISTAGE_ACCEPT_SNAPSHOTS=1 does). No other file may
/// need an edit; every catalog image of the line moves; no file `dotnet new` makes, for any runtime, as the
/// solution, the exercise or init's item template (with and without tini), names the old line; no text the
/// engine does not render (template.json's descriptions, multistage.json, pitfalls.json) names it; and every
/// pitfall's edits still apply.
/// </summary>
[Collection(TemplatesCollection.Name)]
public sealed partial class BaseLineBumpTests(TemplatesFixture fixture)
{
    public static TheoryData<string> Products() => new(SupportLines.Load(TestRepository.Root).BaseImages.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Products))]
    public async Task A_line_bump_in_the_table_reaches_every_output(string productName)
    {
        var ct = TestContext.Current.CancellationToken;
        var product = SupportLines.Load(fixture.Root).BaseImages[productName];
        var (old, next) = (product.Current, NewLine(product.Current));
        var naming = Naming(old);
        var root = fixture.NewScratchPath($"bump-{productName}");
        var templates = Path.Combine(root, "templates");
        FileTree.Replace(fixture.TemplatesDirectory, templates, BuildOutputs.IsBuildOutputFolder);
        var tableFile = Path.Combine(root, SupportLines.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(tableFile)!);

        // The one edit: the table's current line.
        File.WriteAllText(tableFile, WithCurrent(File.ReadAllText(Path.Combine(fixture.Root, SupportLines.RelativePath)), productName, old, next));
        // What accepting does: every template.json's copy follows.
        var table = SupportLines.Load(root);
        foreach (var file in BaseLineCopy.TemplateJsonFiles(templates))
        {
            File.WriteAllText(file, BaseLineCopy.Apply(File.ReadAllText(file), table.BaseImages.Values));
        }

        var units = Units(templates, product.Symbol);
        var homes = units.Where(u => u.HasSymbol).Select(u => Path.GetRelativePath(templates, u.TemplateJson).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal).ToList();
        Assert.True(homes.Count > 0, $"No template.json has symbols.{product.Symbol}: the line {old} is written nowhere through its home.");
        var changed = FileTree.RelativeFiles(templates)
            .Where(f => File.ReadAllText(Path.Combine(templates, f)) != File.ReadAllText(Path.Combine(fixture.TemplatesDirectory, f)));
        Assert.Equal(homes, changed);

        AssertCatalogMoves(TemplateCatalog.Load(templates), naming, next);

        // What the engine does not render must not name the line: the marker lives only in the home's "replaces".
        var stale = units.SelectMany(u => UnrenderedStale(u, product.Symbol, naming)).ToList();
        var rendered = units.Where(u => u.HasSymbol).ToList();
        var hive = await TemplateHive.CreateAsync(Path.Combine(root, "hive"), rendered.Select(u => u.Language).Distinct().Select(l => Path.Combine(templates, l)), ct);
        foreach (var unit in rendered)
        {
            stale.AddRange(await RenderedStaleAsync(hive, unit, Path.Combine(root, "out"), naming, next, ct));
        }
        foreach (var template in TemplateCatalog.Load(templates).Where(t => rendered.Any(u => u.Folder == t.FolderPath)))
        {
            stale.AddRange(PitfallStale(template, root, naming));
        }

        Assert.True(stale.Count == 0,
            $"After bumping {productName} from {old} to {next} these still name {old}:\n  {string.Join("\n  ", stale)}\n" +
            $"Write the line where the engine replaces it (its marker after one of symbols.{product.Symbol}'s onlyIf texts, as in an image name), " +
            "or leave the version out of the prose; texts the engine does not render (template.json descriptions, multistage.json, pitfalls.json) must not name it.");
    }

    /// <summary>Every catalog image that named the old line names the new one, nothing else moved, and some image moved.</summary>
    private void AssertCatalogMoves(IReadOnlyList<TemplateMetadata> bumped, Regex naming, string next)
    {
        var moved = 0;
        foreach (var original in fixture.Templates)
        {
            var after = bumped.Single(t => t.Language == original.Language);
            var pairs = original.Runtimes.Values
                .SelectMany(r => new[] { (r.BuilderImage, after.Runtimes[r.Name].BuilderImage), (r.RuntimeImage, after.Runtimes[r.Name].RuntimeImage) })
                .Append((original.SingleStageImage, after.SingleStageImage));
            foreach (var (before, now) in pairs)
            {
                Assert.Equal(naming.Replace(before, next), now);
                moved += before == now ? 0 : 1;
            }
        }
        Assert.True(moved > 0, $"No catalog image moved to {next}: the line names no image the catalog reads.");
    }

    /// <summary>The unit rendered by the engine from the bumped copy, for every runtime and variant: the files that still
    /// name the old line. The symbol must reach some file, or it is dead.</summary>
    private static async Task<IEnumerable<string>> RenderedStaleAsync(TemplateHive hive, Unit unit, string outputs, Regex naming, string next, CancellationToken ct)
    {
        var definition = TemplateDefinition.Load(unit.Folder);
        var stale = new List<string>();
        var namesNew = false;
        foreach (var runtime in definition.Runtimes.Select(r => r.Choice))
        {
            foreach (var (variant, options) in unit.Variants)
            {
                var output = Path.Combine(outputs, $"{definition.ShortName}-{runtime}{variant}");
                var result = await hive.InstantiateAsync(definition.ShortName, output, ["-n", Scenario.FixedName, "--runtime", runtime, .. options], ct);
                Assert.True(result.Succeeded, $"dotnet new {definition.ShortName} --runtime {runtime}{variant} from the bumped copy failed:\n{result.Describe()}");
                var files = FileTree.RelativeFiles(output).Select(f => (Name: f, Text: File.ReadAllText(Path.Combine(output, f)))).ToList();
                stale.AddRange(files.Where(f => naming.IsMatch(f.Text)).Select(f => $"{f.Name} (dotnet new {definition.ShortName} --runtime {runtime}{variant}, in {output})"));
                namesNew |= files.Any(f => f.Text.Contains(next, StringComparison.Ordinal));
            }
        }
        Assert.True(namesNew, $"{unit.TemplateJson}: its line constant reaches no file of any runtime; drop it or write the line's marker where its onlyIf allows.");
        return stale;
    }

    /// <summary>pitfalls.json is not rendered: each edit must still find its text in the bumped sample (rendered above,
    /// for the pitfall's runtime), and the edited files must not name the old line.</summary>
    private static IEnumerable<string> PitfallStale(TemplateMetadata template, string root, Regex naming)
    {
        foreach (var pitfall in Pitfall.LoadFor(template).Where(p => p.Edits is { Count: > 0 }))
        {
            var sample = Path.Combine(root, "pitfalls", $"{template.Language}-{pitfall.Name}");
            FileTree.Replace(Path.Combine(root, "out", $"{template.ShortName}-{pitfall.RuntimeOf(template)}"), sample);
            var lost = pitfall.Edits!.Where(e => !e.FindsIn(sample)).Select(e => $"{e.File}: \"{e.Find}\"").ToList();
            Assert.True(lost.Count == 0,
                $"Pitfall '{template.Language}-{pitfall.Name}' finds no [{string.Join("; ", lost)}] after the bump (sample: {sample}): " +
                $"{Pitfall.FileName} is not rendered, so a find that names the line stops matching when it moves.");
            foreach (var edit in pitfall.Edits!)
            {
                edit.ApplyTo(sample, pitfall.Name, Pitfall.FileName);
            }
            foreach (var file in pitfall.Edits!.Select(e => e.File).Distinct().Where(f => naming.IsMatch(File.ReadAllText(Path.Combine(sample, f)))))
            {
                yield return $"{file} (after the edits of pitfall '{template.Language}-{pitfall.Name}', in {sample})";
            }
        }
    }

    /// <summary>A template.json and the files it makes: the project template (its folder without .dockerfiles/) or init's item template.</summary>
    private sealed record Unit(string Language, string Folder, string TemplateJson, bool HasSymbol, bool IsItem)
    {
        /// <summary>The option sets whose files differ beyond the runtime: the exercise, and the item template's tini stage.</summary>
        public IReadOnlyList<(string Name, string[] Options)> Variants =>
            IsItem ? [("", []), (" --tini", ["--tini", "true"])] : [("", []), (" --exercise", ["--exercise", "true"])];
    }

    private static List<Unit> Units(string templates, string symbol) =>
        Directory.GetDirectories(templates).Order(StringComparer.Ordinal)
            .SelectMany(language => new[] { (Language: language, Folder: language, IsItem: false), (Language: language, Folder: Path.Combine(language, ItemTemplate.FolderName), IsItem: true) })
            .Select(u => (u.Language, u.Folder, u.IsItem, Json: Path.Combine(u.Folder, ".template.config", TemplateDefinition.FileName)))
            .Where(u => File.Exists(u.Json))
            .Select(u => new Unit(Path.GetFileName(u.Language), u.Folder, u.Json, BaseLineCopy.Value(File.ReadAllText(u.Json), symbol) is not null, u.IsItem))
            .ToList();

    /// <summary>Files of <paramref name="unit"/> the engine does not render that name the line: its .template.config texts
    /// (template.json without its home's marker), and, for a template without the symbol, every file.</summary>
    private static IEnumerable<string> UnrenderedStale(Unit unit, string symbol, Regex naming)
    {
        var config = Path.Combine(unit.Folder, ".template.config");
        foreach (var file in FileTree.RelativeFiles(config))
        {
            var text = File.ReadAllText(Path.Combine(config, file));
            if (file == TemplateDefinition.FileName && unit.HasSymbol)
            {
                var json = JsonNode.Parse(text)!;
                json["symbols"]![symbol]!["replaces"] = "";
                text = json.ToJsonString();
            }
            if (naming.IsMatch(text))
            {
                yield return Path.Combine(config, file);
            }
        }
        if (!unit.HasSymbol)
        {
            var skip = unit.IsItem ? (Func<string, bool>)BuildOutputs.IsBuildOutputFolder : f => f == ItemTemplate.FolderName || f == ".template.config" || BuildOutputs.IsBuildOutputFolder(f);
            foreach (var file in FileTree.RelativeFiles(unit.Folder, skip).Where(f => !f.StartsWith(".template.config/", StringComparison.Ordinal)))
            {
                if (naming.IsMatch(File.ReadAllText(Path.Combine(unit.Folder, file))))
                {
                    yield return $"{Path.Combine(unit.Folder, file)} (the template has no symbols.{symbol} to write it)";
                }
            }
        }
    }

    /// <summary>The table's text with baseImages.<paramref name="product"/>.current set to <paramref name="next"/>.</summary>
    private static string WithCurrent(string table, string product, string old, string next)
    {
        var start = table.IndexOf($"\"{product}\": {{", table.IndexOf("\"baseImages\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var current = $"\"current\": \"{old}\"";
        var at = table.IndexOf(current, start, StringComparison.Ordinal);
        Assert.True(start >= 0 && at > start, $"{SupportLines.RelativePath} has no baseImages.{product}.current.");
        return table[..at] + $"\"current\": \"{next}\"" + table[(at + current.Length)..];
    }

    /// <summary>A line no template uses, shaped like the old one: its first number 98, any others 0 (3.23 gives 98.0,
    /// debian13 gives debian98); a codename without digits gives "bumped".</summary>
    private static string NewLine(string old)
    {
        var numbers = 0;
        return Number().IsMatch(old) ? Number().Replace(old, _ => numbers++ == 0 ? "98" : "0") : "bumped";
    }

    /// <summary>The line as prose or an image name writes it: not inside a longer number or word, any case, and a
    /// space allowed where letters meet digits (debian13 finds "Debian 13").</summary>
    private static Regex Naming(string line)
    {
        var pattern = new StringBuilder(char.IsAsciiDigit(line[0]) ? "(?<![0-9.])" : "(?<![A-Za-z])");
        for (var i = 0; i < line.Length; i++)
        {
            if (i > 0 && char.IsAsciiLetter(line[i - 1]) && char.IsAsciiDigit(line[i]))
            {
                pattern.Append(" ?");
            }
            pattern.Append(Regex.Escape(line[i].ToString()));
        }
        pattern.Append(char.IsAsciiDigit(line[^1]) ? "(?![0-9])" : "(?![A-Za-z])");
        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
