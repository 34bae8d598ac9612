using Multistage.Cli.Rendering;
using System.Globalization;

namespace Multistage.Cli.Comparing;

/// <summary>One row of the report's claims section: a notes figure beside one measured figure. A claim
/// with several figures (one per language) names its line and words on its first row only.</summary>
public sealed record ClaimRow(string Line, string Quote, string AppliesTo, string NotesSay, string Measured, string Verdict)
{
    public const string AsTheNotesSay = "as the notes say";

    /// <summary>A measured figure within this share of the notes' figure counts as close: the notes say "~".</summary>
    private const double Close = 0.25;

    public static IReadOnlyList<ClaimRow> From(Comparison comparison) =>
        NotesClaims.All.OrderBy(claim => claim.Line).SelectMany(claim => Rows(claim, comparison)).ToList();

    public static IEnumerable<ClaimRow> Rows(NotesClaim claim, Comparison comparison)
    {
        var figures = claim.Measure(comparison).ToList();
        var line = claim.Line.ToString(CultureInfo.InvariantCulture);
        // The notes quote their own table; a pipe would end a Markdown cell.
        var quote = claim.Quote.Replace("|", "\\|", StringComparison.Ordinal);
        if (figures.Count == 0)
        {
            yield return new ClaimRow(line, quote, "-", NotesFigure(claim), "not measured", "no image measured here that it applies to");
            yield break;
        }

        for (var i = 0; i < figures.Count; i++)
        {
            yield return new ClaimRow(i == 0 ? line : "", i == 0 ? quote : "", figures[i].AppliesTo, i == 0 ? NotesFigure(claim) : "",
                Figure(claim.Unit, figures[i].Value), Judge(claim, figures[i].Value));
        }
    }

    /// <summary>The figure alone; whether the notes hedge it ("~") their own words beside it say.</summary>
    public static string NotesFigure(NotesClaim claim) =>
        claim.Low.Equals(claim.High)
            ? Figure(claim.Unit, claim.Low)
            : $"{Figure(claim.Unit, claim.Low)} to {Figure(claim.Unit, claim.High)}";

    public static string Figure(ClaimUnit unit, double value) => unit switch
    {
        ClaimUnit.Bytes => Format.Bytes((long)Math.Round(value)),
        ClaimUnit.Fraction => Format.Percent(value),
        ClaimUnit.Presence => value > 0 ? "has /bin/sh" : "no /bin/sh",
        _ => $"{value.ToString("0", CultureInfo.InvariantCulture)} files",
    };

    /// <summary>Within the notes' range (or on their figure): as they say. Otherwise how far off, as a
    /// multiple of the nearer end; within <see cref="Close"/> of it, close.</summary>
    public static string Judge(NotesClaim claim, double measured)
    {
        if (measured >= claim.Low && measured <= claim.High)
        {
            return AsTheNotesSay;
        }

        if (claim.Unit is ClaimUnit.Presence or ClaimUnit.Count)
        {
            return "not as the notes say";
        }

        var bound = measured < claim.Low ? claim.Low : claim.High;
        if (bound == 0)
        {
            return $"{Figure(claim.Unit, measured)} more than the notes' none";
        }

        var ratio = measured / bound;
        var times = ratio.ToString(ratio < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);
        var of = claim.Low.Equals(claim.High) ? "the notes' figure" : $"the {(measured < claim.Low ? "low" : "high")} end";
        return Math.Abs(ratio - 1) <= Close ? $"close ({times} x {of})" : $"{times} x {of}";
    }
}
