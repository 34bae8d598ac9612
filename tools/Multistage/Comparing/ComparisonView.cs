using System.Globalization;

namespace Multistage.Cli.Comparing;

/// <summary>The report's view of a <see cref="Comparison"/>: one row per language pairing its
/// single-stage and multi-stage images, with the derived figures the notes only estimated.</summary>
public sealed record ComparisonView(
    MachineDescription Machine,
    string Templates,
    string BaseSet,
    IReadOnlyList<BaseImage> BaseImages,
    int Pulls,
    IReadOnlyList<LanguageRow> Rows,
    IReadOnlyList<ChartBar> Bars,
    int ChartHeight)
{
    private const int BarHeight = 18;
    private const int RowGap = 10;
    private const int ChartTop = 70;
    private const double MaxBarWidth = 460;

    public static ComparisonView From(Comparison comparison)
    {
        var rows = comparison.Images
            .GroupBy(i => i.Language)
            .Select(g => LanguageRow.From(g.ToList(), comparison.Pulls))
            .OfType<LanguageRow>()
            .ToList();
        var bases = comparison.Images.SelectMany(i => i.BaseImages).DistinctBy(b => b.Name).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        var bars = ChartBars(rows);
        return new ComparisonView(comparison.Machine, comparison.Templates, comparison.BaseSet, bases, comparison.Pulls, rows, bars,
            ChartTop + (rows.Count * ((2 * BarHeight) + RowGap)) + 20);
    }

    /// <summary>Two bars per language on one linear scale: the point is the contrast, so the small
    /// bars stay honest (a minimum of one pixel) and carry their figure as a label.</summary>
    private static List<ChartBar> ChartBars(IReadOnlyList<LanguageRow> rows)
    {
        var largest = rows.SelectMany(r => new[] { r.Single.SizeMegabytes, r.Multi.SizeMegabytes }).DefaultIfEmpty(1).Max();
        var bars = new List<ChartBar>();
        for (var i = 0; i < rows.Count; i++)
        {
            var y = ChartTop + (i * ((2 * BarHeight) + RowGap));
            bars.Add(ChartBar.Of(rows[i].DisplayName, rows[i].DisplayName, "single-stage", rows[i].Single.SizeMegabytes, largest, y, MaxBarWidth, BarHeight));
            bars.Add(ChartBar.Of(rows[i].DisplayName, $"({rows[i].Variant})", "multi-stage", rows[i].Multi.SizeMegabytes, largest, y + BarHeight, MaxBarWidth, BarHeight));
        }

        return bars;
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
/// choice its multi-stage bar.</summary>
public sealed record ChartBar(string Name, string Label, string Kind, string Figure, int Y, int Width, int Height)
{
    public static ChartBar Of(string name, string label, string kind, double megabytes, double largest, int y, double maxWidth, int height) =>
        new(name, label, kind, Format.Megabytes(megabytes), y, Math.Max(1, (int)Math.Round(megabytes / largest * maxWidth)), height - 4);
}

/// <summary>Number formats used in every report, invariant so reports read the same everywhere.</summary>
public static class Format
{
    public static string Megabytes(double megabytes) =>
        megabytes >= 100 ? $"{megabytes.ToString("0", CultureInfo.InvariantCulture)} MB" : $"{megabytes.ToString("0.0", CultureInfo.InvariantCulture)} MB";

    public static string Bytes(long bytes) =>
        bytes >= 1_000_000_000 ? $"{(bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture)} GB" : Megabytes(bytes / 1e6);

    public static string Percent(double fraction) => $"{(fraction * 100).ToString("0.0", CultureInfo.InvariantCulture)} %";

    public static string Seconds(double seconds) => $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
