using System.Reflection;
using System.Text.RegularExpressions;
using Multistage.Cli.Init;
using Multistage.Core.Dockerize;
using Spectre.Console.Cli;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>
/// README.Docker.md is what `multistage init` writes beside a user's project, so every option it names is
/// one init takes: init's own (`--runtime`), or an item template option as `--set name=value`. The
/// `dotnet new` spelling (`--health-path /healthz`) appears only marked "for dotnet new". Read from
/// init's settings and each item template's options, so a renamed option fails here.
/// </summary>
public sealed partial class ItemReadmeOptionTests
{
    public static TheoryData<string> Languages() => RepositoryData.Languages();

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_option_README_Docker_names_is_one_init_takes(string language)
    {
        var (item, readme, path) = Load(language);
        var problems = new List<string>();
        foreach (Match span in CodeSpans().Matches(readme))
        {
            var code = span.Groups["code"].Value;
            foreach (Match set in SetOptions().Matches(code))
            {
                if (item.Option(set.Groups["name"].Value) is null)
                {
                    problems.Add($"`{code}`: {item.ShortName} has no option '{set.Groups["name"].Value}'");
                }
            }

            // A span that starts with another command (`docker compose up --build`) names that command's options.
            var isInit = code.StartsWith("multistage init", StringComparison.Ordinal);
            var bare = code.StartsWith("--", StringComparison.Ordinal);
            var forDotnetNew = ForDotnetNew().IsMatch(readme[(span.Index + span.Length)..]);
            foreach (var option in Options().Matches(code).Select(m => m.Groups["name"].Value))
            {
                if (isInit && !InitOptions.Contains(option))
                {
                    problems.Add($"`{code}`: init has no option --{option}");
                }
                else if (bare && !forDotnetNew && item.Option(option) is not null && !InitOptions.Contains(option))
                {
                    problems.Add($"`{code}`: --{option} is {item.ShortName}'s (dotnet new); init takes it as --set {option}=VALUE");
                }
            }
        }

        Assert.True(problems.Count == 0,
            $"{path} names options init does not take (write `multistage init --force --set name=value`, or mark the " +
            $"dotnet new spelling \"(`--name value` for dotnet new)\"):\n  {string.Join("\n  ", problems)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void README_Docker_tells_how_to_change_the_health_path_with_init(string language)
    {
        var (item, readme, path) = Load(language);
        Assert.True(item.Option("health-path") is not null, $"{item.ShortName} has no --health-path option; CONTRIBUTING.md requires one.");
        Assert.True(readme.Contains("`multistage init --force --set health-path=", StringComparison.Ordinal),
            $"{path} does not say how to point the health check elsewhere with init: add `multistage init --force --set health-path=/healthz`.");
    }

    [Fact]
    public void The_option_pattern_tells_init_spellings_from_dotnet_new_ones()
    {
        Assert.Equal(["set", "force"], Options().Matches("multistage init --set health-path=/x --force").Select(m => m.Groups["name"].Value));
        Assert.Equal(["health-path"], SetOptions().Matches("multistage init --set health-path=/x --force").Select(m => m.Groups["name"].Value));
        Assert.Contains("force", InitOptions);
        Assert.DoesNotContain("health-path", InitOptions);
    }

    private static readonly IReadOnlySet<string> InitOptions = typeof(InitSettings).GetProperties()
        .Select(p => p.GetCustomAttribute<CommandOptionAttribute>()).OfType<CommandOptionAttribute>()
        .SelectMany(a => a.LongNames).ToHashSet(StringComparer.Ordinal);

    private static (ItemTemplate Item, string Readme, string Path) Load(string language)
    {
        var folder = Path.Combine(TestRepository.TemplatesDirectory, language);
        var item = ItemTemplate.Load(language, folder);
        var path = Path.Combine(item.FolderPath, "README.Docker.md");
        return (item, File.ReadAllText(path), path);
    }

    [GeneratedRegex("`(?<code>[^`\n]+)`")]
    private static partial Regex CodeSpans();

    [GeneratedRegex(@"(?<![\w-])--(?<name>[a-z][a-z0-9-]*)")]
    private static partial Regex Options();

    [GeneratedRegex(@"--set\s+(?<name>[a-z][a-z0-9-]*)=")]
    private static partial Regex SetOptions();

    [GeneratedRegex(@"^\s+for dotnet new")]
    private static partial Regex ForDotnetNew();
}
