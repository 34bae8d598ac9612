using System.Text.RegularExpressions;

namespace Images.Tests.Names;

/// <summary>
/// Whatever `dotnet new -n` accepts gives, in every language, a project whose sources compile and
/// whose image, compose service and package names are valid; an out-of-range --port still compiles
/// and is reported as the template's default (CONTRIBUTING.md, The input contract).
/// </summary>
[Collection(VariantsCollection.Name)]
[Trait("Category", "Images")]
public sealed partial class ProjectNameTests(ImageFixture fixture) : NeedsDocker
{
    // Docker's reference grammar for one path component, kept to DNS's 63 characters (compose uses
    // the service name as a host name).
    [GeneratedRegex(@"^(?=.{1,63}$)[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$")]
    private static partial Regex ImageName();

    [GeneratedRegex(@"^services:\n  (?<service>[^\s:#]+):\n(?:    .*\n)*?    image: (?<image>\S+)\n", RegexOptions.Multiline)]
    private static partial Regex ComposeService();

    public static TheoryData<string, string> LanguagesAndNames() =>
        Rows(ProjectNames.All.Select(name => name.Label));

    public static TheoryData<string, string> LanguagesAndPorts() =>
        Rows(SourceChecks.OutOfRangePorts);

    [Theory]
    [MemberData(nameof(LanguagesAndNames))]
    public async Task Generated_project_compiles_whatever_its_name(string language, string name)
    {
        var projectName = ProjectNames.Find(name);
        var result = (await fixture.SourceChecks(language).ResultsAsync())[SourceChecks.NameFolder(projectName)];
        var what = $"{language}, -n {Quote(projectName.Value)} ({projectName.Why})";
        Assert.True(result.GenerateFailure is null, $"{what}: {result.GenerateFailure}");
        Assert.True(result.CheckStatus == 0,
            $"{what}: sourceCheck (multistage.json) exited {result.CheckStatus?.ToString() ?? "(never ran)"} in {result.Directory}:\n{result.CheckLog}\n{result.ContainerOutcome}");
    }

    [Theory]
    [MemberData(nameof(LanguagesAndNames))]
    public async Task Generated_image_and_compose_service_names_are_valid_whatever_the_project_name(string language, string name)
    {
        var projectName = ProjectNames.Find(name);
        var result = (await fixture.SourceChecks(language).ResultsAsync())[SourceChecks.NameFolder(projectName)];
        var what = $"{language}, -n {Quote(projectName.Value)}";
        Assert.True(result.GenerateFailure is null, $"{what}: {result.GenerateFailure}");
        var compose = (await File.ReadAllTextAsync(Path.Combine(result.Directory, "compose.yaml"), TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        var match = ComposeService().Match(compose);
        Assert.True(match.Success, $"{what}: compose.yaml has no plain `services: <name>: ... image: <name>` block:\n{compose}");
        foreach (var (role, value) in new[] { ("service", match.Groups["service"].Value), ("image", match.Groups["image"].Value) })
        {
            Assert.True(ImageName().IsMatch(value),
                $"{what}: compose.yaml's {role} name \"{value}\" is not a valid image/service name (lower-case letters and digits, " +
                "single separators, at most 63 characters); derive it with the template's name form.");
        }
    }

    [Theory]
    [MemberData(nameof(LanguagesAndPorts))]
    public async Task Out_of_range_port_compiles_and_is_reported_as_the_template_default(string language, string port)
    {
        var result = (await fixture.SourceChecks(language).ResultsAsync())[SourceChecks.PortFolder(port)];
        var what = $"{language}, --port {port}";
        Assert.True(result.GenerateFailure is null, $"{what}: {result.GenerateFailure}");
        Assert.True(result.CheckStatus == 0, $"{what}: sourceCheck exited {result.CheckStatus?.ToString() ?? "(never ran)"}:\n{result.CheckLog}");
        var expected = InputContract.TemplateDefaultRefusal(port);
        Assert.True(result.RunStatus == 1 && result.RunFirstLine == expected,
            $"{what}, started by sourceRun with PORT unset: expected exit 1 and first line\n  {expected}\n" +
            $"got exit {result.RunStatus?.ToString() ?? "(never ran)"} and output\n  {result.RunLog.ReplaceLineEndings("\n  ")}");
    }

    private static TheoryData<string, string> Rows(IEnumerable<string> values)
    {
        var data = new TheoryData<string, string>();
        foreach (var language in VariantPlan.Languages())
        {
            foreach (var value in values)
            {
                data.Add(language, value);
            }
        }

        return data;
    }

    private static string Quote(string name) => System.Text.Json.JsonSerializer.Serialize(name);
}
