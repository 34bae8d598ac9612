using System.Globalization;
using System.Text.RegularExpressions;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>
/// A README that says when the container turns healthy names the time its Dockerfile's HEALTHCHECK gives:
/// the first probe runs `--start-interval` after start (Engine 25 and later), not `--interval`. Read from
/// the Dockerfiles each README describes (beside it, or the item template's for a sample that takes them
/// from there), so a changed
/// HEALTHCHECK makes a stale sentence fail here.
/// </summary>
public sealed partial class ReadmeHealthTimingTests
{
    public static TheoryData<string> Folders() => new(RepositoryData.TemplateFolderNames()
        .SelectMany(language => new[] { language, $"{language}/.dockerfiles" }));

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_time_a_README_gives_for_turning_healthy_is_the_start_interval(string folder)
    {
        var directory = Path.Combine(TestRepository.TemplatesDirectory, folder);
        var dockerfiles = Directory.GetFiles(directory, "Dockerfile*");
        if (dockerfiles.Length == 0)
        {
            // A sample without Docker files of its own takes them from its item template.
            dockerfiles = Directory.GetFiles(Path.Combine(directory, Multistage.Core.Dockerize.ItemTemplate.FolderName), "Dockerfile*");
        }
        var intervals = dockerfiles
            .SelectMany(file => StartIntervals().Matches(File.ReadAllText(file)))
            .Select(match => Seconds(match.Groups["value"].Value)).Distinct().ToList();
        Assert.True(intervals.Count == 1,
            $"Expected one HEALTHCHECK --start-interval over the Dockerfiles in {directory}; found {(intervals.Count == 0 ? "none" : string.Join(", ", intervals))}.");
        var startInterval = intervals[0];

        var wrong = Directory.GetFiles(directory, "README*.md")
            .SelectMany(readme => HealthySentences(readme)
                .SelectMany(sentence => Durations(sentence).Where(seconds => seconds != startInterval)
                    .Select(seconds => $"{Path.GetFileName(readme)}: \"{sentence}\" gives {seconds} s")))
            .ToList();
        Assert.True(wrong.Count == 0,
            $"The HEALTHCHECKs in {directory} probe {startInterval} s after start (--start-interval), so a container is " +
            $"healthy then; these sentences say otherwise:\n  {string.Join("\n  ", wrong)}");
    }

    [Fact]
    public void The_duration_pattern_reads_the_forms_the_READMEs_use()
    {
        Assert.Equal([10.0], Durations("once its first check has passed (after 10 s), `docker ps` shows it `healthy`."));
        Assert.Equal([1.0], Durations("it checks every second while the container starts, then it is healthy"));
        Assert.Equal([3.0, 5.0], Durations("healthy within 3 seconds, or 5s at most"));
        Assert.Equal(1.0, Seconds("1s"));
    }

    /// <summary>Paragraphs and list items that mention "healthy", joined to one line each.</summary>
    private static IEnumerable<string> HealthySentences(string readme) =>
        Blocks().Split(File.ReadAllText(readme))
            .Select(block => Whitespace().Replace(block, " ").Trim())
            .Where(block => block.Contains("healthy", StringComparison.OrdinalIgnoreCase));

    private static List<double> Durations(string text) =>
        [.. DurationPattern().Matches(text).Select(match => match.Groups["every"].Success ? 1.0 : double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture))];

    private static double Seconds(string value) => double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"--start-interval=(?<value>\d+(?:\.\d+)?s)\b")]
    private static partial Regex StartIntervals();

    // A blank line, or a new list item, starts a new block.
    [GeneratedRegex(@"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)")]
    private static partial Regex Blocks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<every>every second)|\b(?<n>\d+(?:\.\d+)?) ?(?:s|seconds?)\b")]
    private static partial Regex DurationPattern();
}
