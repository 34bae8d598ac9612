using System.Text.RegularExpressions;
using Multistage.Core.Docker;

namespace Templates.Tests;

/// <summary>
/// The docs name the engine the tools enforce (<see cref="EngineRequirement.Minimum"/>) and no advice for
/// engines it refuses: BuildKit is the default builder on every engine from 25.0, so "set DOCKER_BUILDKIT=1"
/// is for engines the tools turn away.
/// </summary>
public sealed partial class EngineRequirementDocsTests
{
    [Fact]
    public void No_doc_tells_users_to_set_DOCKER_BUILDKIT()
    {
        var mentions = Docs().Where(doc => File.ReadAllText(doc).Contains("DOCKER_BUILDKIT", StringComparison.Ordinal))
            .Select(Relative).ToList();
        Assert.True(mentions.Count == 0,
            $"These name DOCKER_BUILDKIT, which only engines before {EngineRequirement.Minimum} need, and the tools refuse " +
            $"those: {string.Join(", ", mentions)}. Say \"Docker Engine {EngineRequirement.Minimum} or later\" instead.");
    }

    [Fact]
    public void Every_engine_version_a_doc_requires_is_the_enforced_minimum()
    {
        var wrong = Docs().SelectMany(doc => RequiredVersion().Matches(File.ReadAllText(doc))
                .Where(match => Version.Parse(Normalised(match.Groups["version"].Value)) != EngineRequirement.Minimum)
                .Select(match => $"{Relative(doc)}: \"{match.Value}\""))
            .ToList();
        Assert.True(wrong.Count == 0,
            $"The tools refuse engines before {EngineRequirement.Minimum} (EngineRequirement.Minimum); these name another:\n  {string.Join("\n  ", wrong)}");
    }

    [Fact]
    public void The_docs_read_include_the_sample_READMEs_and_the_README()
    {
        var docs = Docs().Select(Relative).ToList();
        Assert.Contains("README.md", docs);
        Assert.Contains("templates/go/README.md", docs);
        Assert.Contains("templates/go/.dockerfiles/README.Docker.md", docs);
        Assert.Contains("tools/Multistage/CourseFiles/README.md.scriban", docs);
        Assert.Matches(RequiredVersion(), "Docker Engine 25.0 or later is needed");
    }

    private static readonly string[] NotOurs = ["/.git/", "/bin/", "/obj/", "/node_modules/", "/Snapshots/"];

    /// <summary>Every Markdown file and course template of the clone (the samples' READMEs included).</summary>
    private static IEnumerable<string> Docs() =>
        Directory.EnumerateFiles(TestRepository.Root, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".md", StringComparison.Ordinal) || path.EndsWith(".md.scriban", StringComparison.Ordinal))
            .Where(path => !NotOurs.Any(folder => path.Replace('\\', '/').Contains(folder, StringComparison.Ordinal)));

    private static string Relative(string path) => Path.GetRelativePath(TestRepository.Root, path).Replace('\\', '/');

    private static string Normalised(string version) => version.Contains('.', StringComparison.Ordinal) ? version : $"{version}.0";

    [GeneratedRegex(@"Docker (?:Engine )?(?<version>\d+(?:\.\d+)?) or later")]
    private static partial Regex RequiredVersion();
}
