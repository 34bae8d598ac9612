using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize;

/// <summary>
/// An app that probes itself: its code compares an argument with a quoted "--healthcheck" (or "--health-check"),
/// the mode CONTRIBUTING's app contract gives every sample. The item templates then write an exec-form
/// HEALTHCHECK that runs the app with that argument on every runtime choice, with no shell or HTTP client in
/// the image. One reader for every language: the literal reads the same in all of them.
/// </summary>
public static partial class SelfProbe
{
    /// <summary>The item templates' option for the argument.</summary>
    public const string Option = "probe";

    /// <summary>Adds the probe argument the first source (in the order given) names, with its file and line.</summary>
    public static void Read(IEnumerable<(string Path, string Text)> sources, ProjectDetection.Builder found)
    {
        foreach (var (path, text) in sources)
        {
            if (Argument().Match(text) is { Success: true } match)
            {
                var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                found.Value(Option, match.Groups["argument"].Value, $"{path}:{line} ({match.Value}: the app's own health check)");
                return;
            }
        }
    }

    [GeneratedRegex("""(?<quote>["'])(?<argument>--health-?check)\k<quote>""")]
    private static partial Regex Argument();
}
