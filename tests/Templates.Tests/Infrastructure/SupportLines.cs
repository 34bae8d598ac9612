using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Templates.Tests.Infrastructure;

/// <summary>One line of docs/support-lines.json: a toolchain or base image line and its upstream end of support,
/// with, for a line knowingly kept past it, the date the exception runs out, its issue and why; a distroless
/// line names the Debian suite it is built from.</summary>
public sealed record SupportLine(string Line, DateOnly EndOfSupport, string Source, DateOnly? PendingUntil, int? Issue, string? Reason, string? DebianSuite = null);

/// <summary>A base image product of docs/support-lines.json: the line the templates use (<paramref name="Current"/>,
/// its one home), the pattern that finds a line in an image name (if any), and its lines.</summary>
public sealed record BaseImageProduct(string Product, string Current, Regex? Pattern, IReadOnlyList<SupportLine> Lines)
{
    /// <summary>The template.json symbol that carries <see cref="Current"/>: a generated constant, &lt;product&gt;Line.</summary>
    public string Symbol => Product + SymbolSuffix;

    public const string SymbolSuffix = "Line";
}

/// <summary>A line a template offers (a version choice) or uses (a base image), and where.</summary>
public sealed record OfferedLine(string Product, string Line, string Where);

/// <summary>docs/support-lines.json: toolchain lines per template folder, base image lines per product with the
/// line the templates use.</summary>
public sealed record SupportLines(
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<SupportLine>> Toolchains,
    IReadOnlyDictionary<string, BaseImageProduct> BaseImages)
{
    public const string RelativePath = "docs/support-lines.json";

    public static SupportLines Load(string repositoryRoot)
    {
        var path = System.IO.Path.Combine(repositoryRoot, RelativePath);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var toolchains = root.GetProperty("toolchains").EnumerateObject()
            .ToDictionary(p => p.Name, p => Lines(p.Value, path), StringComparer.Ordinal);
        var baseImages = root.GetProperty("baseImages").EnumerateObject()
            .ToDictionary(p => p.Name, p => new BaseImageProduct(
                p.Name,
                p.Value.GetProperty("current").GetString()!,
                p.Value.TryGetProperty("pattern", out var pattern) ? new Regex(pattern.GetString()!) : null,
                Lines(p.Value.GetProperty("lines"), path)), StringComparer.Ordinal);
        return new SupportLines(path, toolchains, baseImages);
    }

    /// <summary>The table's lines of <paramref name="product"/>, toolchain or base image.</summary>
    public IReadOnlyList<SupportLine>? LinesOf(string product) =>
        Toolchains.TryGetValue(product, out var lines) ? lines
        : BaseImages.TryGetValue(product, out var images) ? images.Lines
        : null;

    /// <summary>The base image lines <paramref name="image"/> names (alpine:3.23, node:24-alpine3.23).</summary>
    public IEnumerable<(string Product, string Line)> BaseImageLines(string image) =>
        BaseImages.Where(b => b.Value.Pattern is not null)
            .Select(b => (b.Key, Match: b.Value.Pattern!.Match(image)))
            .Where(m => m.Match.Success)
            .Select(m => (m.Key, m.Match.Groups["line"].Value));

    private static IReadOnlyList<SupportLine> Lines(JsonElement lines, string path) =>
        lines.EnumerateArray().Select(line => new SupportLine(
            line.GetProperty("line").GetString()!,
            Date(line.GetProperty("endOfSupport").GetString()!, path),
            line.GetProperty("source").GetString()!,
            line.TryGetProperty("pendingUntil", out var until) ? Date(until.GetString()!, path) : null,
            line.TryGetProperty("issue", out var issue) ? issue.GetInt32() : null,
            line.TryGetProperty("reason", out var reason) ? reason.GetString() : null,
            line.TryGetProperty("debianSuite", out var suite) ? suite.GetString() : null)).ToList();

    /// <summary>YYYY-MM-DD, or YYYY-MM for the whole month (upstream names only the month): its last day.</summary>
    private static DateOnly Date(string text, string path) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month.AddMonths(1).AddDays(-1)
        : throw new InvalidDataException($"{path}: '{text}' is not a date: write YYYY-MM-DD, or YYYY-MM when upstream names only the month.");
}

/// <summary>The version rule of CONTRIBUTING.md ("Versions"), as far as a date decides it: every offered line
/// is in the table, and none is past its end of support unless the table keeps it as a dated exception.</summary>
public static class SupportRule
{
    public sealed record Verdict(IReadOnlyList<string> Problems, IReadOnlyList<string> Exceptions);

    public static Verdict Check(SupportLines table, IEnumerable<OfferedLine> offered, DateOnly today)
    {
        var problems = new List<string>();
        var exceptions = new List<string>();
        foreach (var group in offered.GroupBy(o => (o.Product, o.Line)))
        {
            var (product, line) = group.Key;
            var where = string.Join("; ", group.Select(o => o.Where).Distinct());
            var entry = table.LinesOf(product)?.FirstOrDefault(l => l.Line == line);
            if (entry is null)
            {
                problems.Add($"{product} {line} ({where}) is not in {SupportLines.RelativePath}: add it with its upstream end of support and the page that states it.");
            }
            else if (entry.EndOfSupport >= today)
            {
                if (entry.PendingUntil is not null)
                {
                    problems.Add($"{product} {line} is supported until {entry.EndOfSupport:yyyy-MM-dd}, yet {SupportLines.RelativePath} keeps it as an exception (pendingUntil): remove the exception.");
                }
            }
            else if (entry.PendingUntil is { } until && until >= today)
            {
                exceptions.Add($"{product} {line}: out of upstream support since {entry.EndOfSupport:yyyy-MM-dd}, kept until {until:yyyy-MM-dd} (issue {entry.Issue}): {entry.Reason}");
            }
            else
            {
                var exception = entry.PendingUntil is { } ran ? $" Its exception (issue {entry.Issue}) ran out on {ran:yyyy-MM-dd}." : "";
                problems.Add($"{product} {line} ({where}) is out of upstream support since {entry.EndOfSupport:yyyy-MM-dd} ({entry.Source}).{exception} " +
                             "Drop the choice (CONTRIBUTING.md, \"Versions\") or move to a supported line; if it must stay a while, give it pendingUntil, issue and reason in the table.");
            }
        }
        return new Verdict(problems, exceptions);
    }
}
