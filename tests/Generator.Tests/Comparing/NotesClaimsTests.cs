using Multistage.Cli.Comparing;

namespace Generator.Tests.Comparing;

/// <summary>The claims section: each notes figure beside the one measured on the images it applies to,
/// worked out from <see cref="ComparisonSamples"/>.</summary>
public sealed class NotesClaimsTests
{
    private static IReadOnlyList<ClaimRow> RowsOf(string claimId, Comparison? comparison = null) =>
        ClaimRow.Rows(NotesClaims.All.Single(c => c.Id == claimId), comparison ?? ComparisonSamples.Create()).ToList();

    [Fact]
    public void Strip_flags_saving_is_the_binary_against_the_build_without_them()
    {
        // 1 - 5.51 MB / 8.15 MB = 32.4 %: above the notes' 20-30 %, by 1.08 of the high end.
        var row = Assert.Single(RowsOf("strip-flags"));
        Assert.Equal(new ClaimRow("66", "-ldflags=\"-w -s\": Result: 20-30% smaller binary", "Go on alpine", "20.0 % to 30.0 %", "32.4 %", "close (1.08 x the high end)"), row);
    }

    [Fact]
    public void Strip_flags_claim_is_listed_as_not_measured_without_its_build()
    {
        var row = Assert.Single(RowsOf("strip-flags", ComparisonSamples.Create(claimBuilds: [])));
        Assert.Equal("not measured", row.Measured);
        Assert.Equal("-", row.AppliesTo);
    }

    [Fact]
    public void Single_stage_size_is_given_per_language_and_named_once()
    {
        var rows = RowsOf("single-stage");
        Assert.Equal(["Go", "Python (Flask)"], rows.Select(r => r.AppliesTo));
        Assert.Equal(["614 MB", "520 MB"], rows.Select(r => r.Measured));
        Assert.Equal(["0.61 x the low end", "0.52 x the low end"], rows.Select(r => r.Verdict));
        // The line, the words and the notes' figure head the claim's first row only.
        Assert.Equal(("13", "1.0 GB to 1.2 GB"), (rows[0].Line, rows[0].NotesSay));
        Assert.Equal(("", "", ""), (rows[1].Line, rows[1].Quote, rows[1].NotesSay));
    }

    [Fact]
    public void Scratch_claims_apply_only_to_scratch_images()
    {
        var image = Assert.Single(RowsOf("scratch-image"));
        Assert.Equal(("Go on scratch", "5.6 MB", "0.56 x the notes' figure"), (image.AppliesTo, image.Measured, image.Verdict));
        var binary = Assert.Single(RowsOf("binary"));
        Assert.Equal(("Go on scratch", "5.5 MB"), (binary.AppliesTo, binary.Measured));
        // The image is the binary plus 100 kB: not quite the notes' "literally 0MB".
        var overhead = Assert.Single(RowsOf("scratch-base"));
        Assert.Equal(("100.0 kB", "100.0 kB more than the notes' none"), (overhead.Measured, overhead.Verdict));
        var shell = Assert.Single(RowsOf("scratch-shell"));
        Assert.Equal(("no /bin/sh", ClaimRow.AsTheNotesSay), (shell.Measured, shell.Verdict));
    }

    [Fact]
    public void Alpine_claims_take_the_alpine_image_and_its_final_base()
    {
        var image = Assert.Single(RowsOf("alpine-image"));
        Assert.Equal(("Go on alpine", "8.9 MB", "0.59 x the notes' figure"), (image.AppliesTo, image.Measured, image.Verdict));
        var baseImage = Assert.Single(RowsOf("alpine-base"));
        Assert.Equal(("`alpine:3.23`", "2.5 MB"), (baseImage.AppliesTo, baseImage.Measured));
        Assert.Equal(ClaimRow.AsTheNotesSay, Assert.Single(RowsOf("alpine-shell")).Verdict);
    }

    [Fact]
    public void Pod_transfer_is_the_compressed_image_times_the_notes_pods()
    {
        Assert.Equal(100, NotesClaims.Pods);
        var single = RowsOf("pods-single");
        Assert.Equal(["20.4 GB", "19.0 GB"], single.Select(r => r.Measured));
        var multi = RowsOf("pods-multi");
        Assert.Equal(["410 MB", "5.4 GB"], multi.Select(r => r.Measured));
        // 1 - 4.1 / 204 = 98.0 %, close to the notes' 98.75 %; Python's 71.4 % is not.
        var reduction = RowsOf("pods-reduction");
        Assert.Equal(["98.0 %", "71.4 %"], reduction.Select(r => r.Measured));
        Assert.Equal(["close (0.99 x the notes' figure)", "0.72 x the notes' figure"], reduction.Select(r => r.Verdict));
    }

    [Fact]
    public void A_toolchain_file_in_the_final_image_contradicts_no_compiler_in_production()
    {
        var comparison = ComparisonSamples.Create() with
        {
            Images = [ComparisonSamples.GoSingle, ComparisonSamples.GoAlpine with { ToolchainFiles = 3 }],
        };
        var row = Assert.Single(RowsOf("no-compiler", comparison));
        Assert.Equal(("3 files", "not as the notes say"), (row.Measured, row.Verdict));
    }

    [Theory]
    [InlineData(0.25, "as the notes say")]
    [InlineData(0.20, "as the notes say")]
    [InlineData(0.10, "0.50 x the low end")]
    [InlineData(0.36, "close (1.20 x the high end)")]
    public void A_range_claim_judges_by_its_nearer_end(double measured, string expected) =>
        Assert.Equal(expected, ClaimRow.Judge(NotesClaims.All.Single(c => c.Id == "strip-flags"), measured));

    [Fact]
    public void Claims_have_unique_ids_a_notes_line_and_a_figure_range()
    {
        Assert.Equal(NotesClaims.All.Count, NotesClaims.All.Select(c => c.Id).Distinct().Count());
        Assert.All(NotesClaims.All, c => Assert.True(c.Line > 0 && c.Low <= c.High && c.Quote.Length > 0, $"claim {c.Id}"));
    }

    [Fact]
    public void Claim_rows_follow_the_notes_line_order_and_escape_table_pipes()
    {
        var rows = ClaimRow.From(ComparisonSamples.Create());
        var lines = rows.Where(r => r.Line != "").Select(r => int.Parse(r.Line, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(lines.Order(), lines);
        Assert.Contains(rows, r => r.Quote == "Multi-stage (Alpine) \\| alpine:3.18 \\| ~15MB");
    }

    [Fact]
    public void The_strip_edit_finds_the_flags_in_the_go_template_and_nowhere_else()
    {
        var templates = Multistage.Core.Templates.TemplateCatalog.Load(Multistage.Core.Templates.RepositoryLayout.TemplatesDirectory(
            Multistage.Core.Templates.RepositoryLayout.FindRoot()));
        var holding = templates.Where(t => File.ReadAllText(Path.Combine(t.FolderPath, Multistage.Core.Dockerize.ItemTemplate.FolderName, "Dockerfile")).Contains(NotesClaims.WithoutStripFlags.Find, StringComparison.Ordinal))
            .Select(t => t.Language).ToList();
        Assert.Equal(["go"], holding);
    }
}
