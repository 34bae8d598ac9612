using Multistage.Core.Templates;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>
/// A base image line (Alpine's branch, the Debian suite, ...) is named by several templates, and the template
/// engine gives a template no way to read another file: each template.json that names a line carries it as a
/// generated constant, &lt;product&gt;Line, copied from docs/support-lines.json's current line, its one home. This
/// test fails when a copy is stale and, with MULTISTAGE_ACCEPT_SNAPSHOTS=1, rewrites it; so a bump is one edit
/// in the table (CONTRIBUTING.md, "Bumping a base image").
/// </summary>
[Collection(TemplatesCollection.Name)]
public sealed class BaseLineCopyTests(TemplatesFixture fixture)
{
    [Fact]
    public void Every_base_line_constant_is_the_tables_current_line()
    {
        var table = SupportLines.Load(fixture.Root);
        var settings = SnapshotSettings.FromEnvironment();
        var stale = new List<string>();
        foreach (var file in BaseLineCopy.TemplateJsonFiles(fixture.TemplatesDirectory))
        {
            var current = File.ReadAllText(file);
            var copied = BaseLineCopy.Apply(current, table.BaseImages.Values);
            if (copied == current)
            {
                continue;
            }
            if (settings.Accept && !settings.RunningInCi)
            {
                File.WriteAllText(file, copied);
                continue;
            }
            stale.AddRange(table.BaseImages.Values
                .Where(p => BaseLineCopy.Value(current, p.Symbol) is { } value && value != p.Current)
                .Select(p => $"{Path.GetRelativePath(fixture.Root, file)}: symbols.{p.Symbol} is '{BaseLineCopy.Value(current, p.Symbol)}', the table's current line '{p.Current}'"));
        }
        Assert.True(stale.Count == 0,
            $"{string.Join("\n", stale)}\n{SupportLines.RelativePath} is their one source. " +
            $"Copy it: {SnapshotSettings.AcceptVariable}=1 dotnet test tests/Templates.Tests (not in CI), then review the diff.");
    }

    /// <summary>A constant named like a line but for no product of the table would never be kept equal.</summary>
    [Fact]
    public void Every_line_constant_names_a_product_of_the_table()
    {
        var table = SupportLines.Load(fixture.Root);
        var unknown = BaseLineCopy.TemplateJsonFiles(fixture.TemplatesDirectory)
            .SelectMany(file => TemplateDefinition.Load(Path.GetDirectoryName(Path.GetDirectoryName(file))!).Constants
                .Where(c => c.Name.EndsWith(BaseImageProduct.SymbolSuffix, StringComparison.Ordinal)
                    && table.BaseImages.Values.All(p => p.Symbol != c.Name))
                .Select(c => $"{Path.GetRelativePath(fixture.Root, file)}: symbols.{c.Name}"))
            .ToList();
        Assert.True(unknown.Count == 0,
            $"[{string.Join("; ", unknown)}] name no product of {SupportLines.RelativePath} baseImages ({string.Join(", ", table.BaseImages.Values.Select(p => p.Symbol))}).");
    }

    /// <summary>The distroless images are built from one Debian release: the builders' suite must be that release, or
    /// glibc and Python differ between the stages (README: the Rust and Python pitfalls).</summary>
    [Fact]
    public void The_current_distroless_line_is_built_from_the_current_Debian_suite()
    {
        var table = SupportLines.Load(fixture.Root);
        var distroless = table.BaseImages["distroless"];
        var line = distroless.Lines.Single(l => l.Line == distroless.Current);
        Assert.True(line.DebianSuite == table.BaseImages["debian"].Current,
            $"{SupportLines.RelativePath}: distroless {distroless.Current} is built from Debian {line.DebianSuite}, but the current Debian suite is {table.BaseImages["debian"].Current}; move both together.");
    }

    [Fact]
    public void A_copy_is_spliced_into_the_value_alone()
    {
        const string json = "{\n  \"symbols\": {\n    \"alpineLine\": { \"type\": \"generated\", \"generator\": \"constant\", \"parameters\": { \"value\": \"3.23\" }, \"replaces\": \"3.23\" }\n  }\n}\n";
        Assert.Equal(json.Replace("\"value\": \"3.23\"", "\"value\": \"3.24\"", StringComparison.Ordinal), BaseLineCopy.Apply(json, "alpineLine", "3.24"));
        Assert.Equal(json, BaseLineCopy.Apply(json, "debianLine", "forky"));
        Assert.Equal("3.23", BaseLineCopy.Value(json, "alpineLine"));
    }
}
