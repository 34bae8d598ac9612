using Multistage.Cli.Rendering;
using System.Globalization;

namespace Multistage.Cli.Comparing;

/// <summary>The report's view of a <see cref="Comparison"/>: one row per language pairing its
/// single-stage and multi-stage images, every runtime choice side by side, and the notes' claims
/// beside the measured figures. comparison.md and sizes.svg both render this one model.</summary>
public sealed record ComparisonView(
    MachineDescription Machine,
    string Templates,
    string BaseSet,
    IReadOnlyList<BaseImage> BaseImages,
    int Pulls,
    IReadOnlyList<LanguageRow> Rows,
    IReadOnlyList<ChoiceRow> Choices,
    IReadOnlyList<ClaimRow> Claims,
    string NotesFile,
    int Pods,
    IReadOnlyList<ChartBar> Bars,
    int ChartHeight)
{
    private const int BarHeight = 18;
    private const int GroupGap = 10;
    private const int ChartTop = 70;
    private const double MaxBarWidth = 460;

    public static ComparisonView From(Comparison comparison)
    {
        var rows = comparison.Images
            .GroupBy(i => i.Language)
            .Select(g => LanguageRow.From(g.ToList(), comparison.Pulls))
            .OfType<LanguageRow>()
            .ToList();
        var choices = rows.SelectMany(r => ChoiceRow.For(r, comparison)).ToList();
        var bases = comparison.Images.Concat(comparison.RuntimeChoices).SelectMany(i => i.BaseImages)
            .DistinctBy(b => b.Name).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        var (bars, height) = ChartBars(rows, comparison);
        return new ComparisonView(comparison.Machine, comparison.Templates, comparison.BaseSet, bases, comparison.Pulls, rows, choices,
            ClaimRow.From(comparison), NotesClaims.NotesFile, NotesClaims.Pods, bars, height);
    }

    /// <summary>Per language, the single-stage bar and one bar per runtime choice measured, on one linear
    /// scale: the point is the contrast, so the small bars stay honest (a minimum of one pixel) and carry
    /// their figure as a label.</summary>
    private static (List<ChartBar> Bars, int Height) ChartBars(IReadOnlyList<LanguageRow> rows, Comparison comparison)
    {
        var groups = rows.Select(r => (Row: r, Images: (IReadOnlyList<ImageMeasurement>)[r.Single, .. comparison.MultiStage(r.Language)])).ToList();
        var largest = groups.SelectMany(g => g.Images).Select(i => i.SizeMegabytes).DefaultIfEmpty(1).Max();
        var bars = new List<ChartBar>();
        var y = ChartTop;
        foreach (var (row, images) in groups)
        {
            foreach (var image in images)
            {
                var kind = image.IsSingleStage ? "single-stage" : image == row.Multi ? "multi-stage" : "other-choice";
                var label = image.IsSingleStage ? row.DisplayName : image.Variant;
                bars.Add(ChartBar.Of(row.DisplayName, label, kind, image.SizeMegabytes, largest, y, MaxBarWidth, BarHeight));
                y += BarHeight;
            }

            y += GroupGap;
        }

        return (bars, y + 10);
    }
}

/// <summary>One runtime choice of a language beside the others: measured, or why not.</summary>
public sealed record ChoiceRow(string DisplayName, string Variant, bool Course, string Size, string Compressed, string Ratio, string Artifact,
    string Shell, string TimeToHealthy, string? NotMeasured)
{
    public static IEnumerable<ChoiceRow> For(LanguageRow row, Comparison comparison)
    {
        foreach (var image in comparison.MultiStage(row.Language))
        {
            yield return new ChoiceRow(row.DisplayName, image.Variant, image == row.Multi, image.Size, image.Compressed,
                Format.Percent((double)image.SizeBytes / row.Single.SizeBytes), image.Artifact, image.Shell, image.TimeToHealthy, null);
        }

        foreach (var missing in comparison.NotMeasured.Where(n => n.Language == row.Language))
        {
            yield return new ChoiceRow(row.DisplayName, missing.Variant, false, "-", "-", "-", "-", "-", "-", missing.Reason);
        }
    }
}

public sealed record LanguageRow(
    string Language,
    string DisplayName,
    string Variant,
    ImageMeasurement Single,
    ImageMeasurement Multi,
    string Ratio,
    string Reduction,
    string SingleTransfer,
    string MultiTransfer)
{
    public static LanguageRow? From(IReadOnlyList<ImageMeasurement> images, int pulls)
    {
        var single = images.FirstOrDefault(i => i.Dockerfile == "Dockerfile.single");
        var multi = images.FirstOrDefault(i => i.Dockerfile == "Dockerfile");
        if (single is null || multi is null)
        {
            return null;
        }

        var ratio = (double)multi.SizeBytes / single.SizeBytes;
        return new LanguageRow(
            multi.Language,
            multi.DisplayName,
            multi.Variant,
            single,
            multi,
            Format.Percent(ratio),
            Format.Percent(1 - ((double)multi.CompressedBytes / single.CompressedBytes)),
            Format.Bytes(single.CompressedBytes * (long)pulls),
            Format.Bytes(multi.CompressedBytes * (long)pulls));
    }
}

/// <summary>One bar of the size chart: the language's name labels its single-stage bar, the runtime
/// choice each multi-stage bar. Kind: single-stage, multi-stage (the course's choice) or other-choice.</summary>
public sealed record ChartBar(string Name, string Label, string Kind, string Figure, int Y, int Width, int Height)
{
    public static ChartBar Of(string name, string label, string kind, double megabytes, double largest, int y, double maxWidth, int height) =>
        new(name, label, kind, Format.Megabytes(megabytes), y, Math.Max(1, (int)Math.Round(megabytes / largest * maxWidth)), height - 4);
}
