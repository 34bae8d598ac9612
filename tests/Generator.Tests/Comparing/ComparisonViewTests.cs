using System.Text.Json;
using Multistage.Cli.Comparing;
using Multistage.Cli.Rendering;

namespace Generator.Tests.Comparing;

/// <summary>The one report model behind comparison.md and sizes.svg (no Docker): what each row, bar and
/// section holds for <see cref="ComparisonSamples"/>.</summary>
public sealed class ComparisonViewTests
{
    private static readonly ComparisonView View = ComparisonView.From(ComparisonSamples.Create());

    [Fact]
    public void Each_language_pairs_its_course_images_with_derived_figures()
    {
        var go = View.Rows.Single(r => r.Language == "go");
        Assert.Equal(("alpine", "1.4 %", "98.0 %", "20.4 GB", "410 MB"), (go.Variant, go.Ratio, go.Reduction, go.SingleTransfer, go.MultiTransfer));
        Assert.Equal(["go", "python"], View.Rows.Select(r => r.Language));
    }

    [Fact]
    public void Runtime_choices_stand_side_by_side_with_the_course_choice_marked_and_the_unbuilt_one_explained()
    {
        var go = View.Choices.Where(c => c.DisplayName == "Go").ToList();
        Assert.Equal(["alpine", "scratch", "distroless"], go.Select(c => c.Variant));
        Assert.Equal([true, false, false], go.Select(c => c.Course));
        Assert.Equal(("5.6 MB", "0.9 %", "5.5 MB", "no"), (go[1].Size, go[1].Ratio, go[1].Artifact, go[1].Shell));
        Assert.Equal("the build failed: base image missing", go[2].NotMeasured);
    }

    [Fact]
    public void The_chart_has_a_bar_per_runtime_choice_on_one_scale()
    {
        var go = View.Bars.Where(b => b.Name == "Go").ToList();
        Assert.Equal([("Go", "single-stage"), ("alpine", "multi-stage"), ("scratch", "other-choice")], go.Select(b => (b.Label, b.Kind)));
        // The largest image (Go's 614 MB single-stage) spans the full 460 px; the others scale with it.
        Assert.Equal([460, 7, 4], go.Select(b => b.Width));
        Assert.Equal(View.Bars.Select(b => b.Y).Order(), View.Bars.Select(b => b.Y));
        Assert.True(View.ChartHeight > View.Bars[^1].Y + View.Bars[^1].Height, $"chart height {View.ChartHeight} cuts off the last bar at {View.Bars[^1].Y}");
    }

    [Fact]
    public void The_markdown_report_has_the_claims_section_with_the_measured_figures()
    {
        var markdown = CourseFileRenderer.Render("comparison.md", View);
        Assert.Contains("## The notes' claims, measured", markdown, StringComparison.Ordinal);
        Assert.Contains("| 66 | -ldflags=\"-w -s\": Result: 20-30% smaller binary | Go on alpine | 20.0 % to 30.0 % | 32.4 % | close (1.08 x the high end) |",
            markdown, StringComparison.Ordinal);
        Assert.Contains("| Go | **alpine** | 8.9 MB |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Go | distroless | not measured: the build failed: base image missing |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Go | single-stage | 10.0 s | 9.0 s | - (no HEALTHCHECK) |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_draws_every_bar_with_its_figure()
    {
        var svg = CourseFileRenderer.Render("sizes.svg", View);
        Assert.Contains("(stand-in base images)", svg, StringComparison.Ordinal);
        foreach (var bar in View.Bars)
        {
            Assert.Contains($"<rect x=\"110\" y=\"{bar.Y}\" width=\"{bar.Width}\"", svg, StringComparison.Ordinal);
        }

        Assert.Contains("<title>Go scratch: 5.6 MB</title>", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(900, "900 B")]
    [InlineData(72_300, "72.3 kB")]
    [InlineData(6_400_000, "6.4 MB")]
    [InlineData(412_000_000, "412 MB")]
    [InlineData(20_400_000_000, "20.4 GB")]
    public void Byte_figures_keep_small_files_visible(long bytes, string expected) => Assert.Equal(expected, Format.Bytes(bytes));

    [Fact]
    public void Json_keeps_the_course_images_apart_from_the_other_choices()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(ComparisonSamples.Create(), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        Assert.Equal(4, json.RootElement.GetProperty("images").GetArrayLength());
        Assert.Equal("scratch", json.RootElement.GetProperty("runtimeChoices")[0].GetProperty("variant").GetString());
        Assert.Equal("stand-in", json.RootElement.GetProperty("baseSet").GetString());
    }
}
