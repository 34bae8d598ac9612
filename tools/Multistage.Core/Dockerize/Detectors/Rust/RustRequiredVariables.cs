using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>Environment variables the app cannot start without: `env::var("X")` ending in `.expect(..)`,
/// `.unwrap()` or `?` with no default. The image builds, and the container exits at start until X is set.</summary>
public static partial class RustRequiredVariables
{
    public static void Read(IReadOnlyList<RustLine> lines, ProjectDetection.Builder found)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (Match read in EnvVar().Matches(line.Text))
            {
                var name = read.Groups[1].Value;
                var rest = line.Text[(read.Index + read.Length)..];
                if (Required().IsMatch(rest) && seen.Add(name))
                {
                    found.Warning($"{line.Where} requires the environment variable {name} (`{line.Text}`): the container exits at start without it. " +
                                  $"Set it where the image runs (`docker run -e {name}=...`, compose's `environment:`), or give it a default in the code (`.unwrap_or(...)`).");
                }
            }
        }
    }

    [GeneratedRegex(@"env::var\(\s*""([A-Za-z0-9_]+)""\s*\)")]
    private static partial Regex EnvVar();

    /// <summary>Directly unwrapped, with nothing that supplies a default first.</summary>
    [GeneratedRegex(@"^\s*(?:\.expect\(|\.unwrap\(\)|\?)")]
    private static partial Regex Required();
}
