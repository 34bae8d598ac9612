using System.Text.RegularExpressions;

namespace Multistage.Core.Docker;

/// <summary>One step of a BuildKit build as the plain progress log reports it.</summary>
/// <param name="Number">BuildKit's vertex number (`#7`).</param>
/// <param name="Name">The step's title, e.g. `[build 3/6] RUN go mod download`.</param>
/// <param name="Cached">BuildKit printed `#N CACHED`: the layer came from the cache.</param>
public sealed record BuildStep(int Number, string Name, bool Cached);

/// <summary>Reads BuildKit's `--progress=plain` output into steps.</summary>
public static partial class BuildLog
{
    // Every line of the plain log that belongs to a step starts with `#<number> `.
    [GeneratedRegex(@"^#(?<n>\d+) (?<text>.*)$")]
    private static partial Regex StepLine();

    /// <summary>The first line of the failed step's output that reads as an error (a compiler's `error TS1192`,
    /// NuGet's `error NU1101`, pnpm's `ERR_PNPM_...`, npm's `npm error`, pip's `ERROR: Could not find a version`), without its timestamp; null when the
    /// failed step printed none (a base image that cannot be pulled).</summary>
    public static string? FirstError(string log)
    {
        var lines = log.Split('\n').Select(l => StepLine().Match(l.TrimEnd('\r'))).Where(m => m.Success).ToList();
        var failed = lines.LastOrDefault(m => m.Groups["text"].Value.StartsWith("ERROR: ", StringComparison.Ordinal))?.Groups["n"].Value;
        return failed is null
            ? null
            // Only the step's output carries a timestamp: BuildKit's own title and "ERROR: process ..." lines do not,
            // while pip starts its errors with "ERROR: " too.
            : lines.Where(m => m.Groups["n"].Value == failed && Timestamp().IsMatch(m.Groups["text"].Value))
                .Select(m => Timestamp().Replace(m.Groups["text"].Value, "").Trim())
                .FirstOrDefault(text => ErrorText().IsMatch(text));
    }

    // `0.950 ` before each line of a step's output: seconds since the step started.
    [GeneratedRegex(@"^\d+\.\d+\s")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\berror\b|\bERR!|\bERR_[A-Z_]+|\bfatal:|Error: ", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorText();

    public static IReadOnlyList<BuildStep> ParseSteps(string log)
    {
        var names = new Dictionary<int, string>();
        var cached = new HashSet<int>();
        foreach (var raw in log.Split('\n'))
        {
            var match = StepLine().Match(raw.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var number = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var text = match.Groups["text"].Value.Trim();
            if (text == "CACHED")
            {
                cached.Add(number);
            }
            else if (!names.ContainsKey(number))
            {
                // The first line of a vertex is its title; later ones are digests, output and timings.
                names[number] = text;
            }
        }

        return names
            .OrderBy(pair => pair.Key)
            .Select(pair => new BuildStep(pair.Key, pair.Value, cached.Contains(pair.Key)))
            .ToList();
    }
}
