using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>Invalid option values stop `dotnet new` with a message naming the problem, and nothing is written.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class BadInputTests(TemplatesFixture fixture)
{
    [Theory]
    [MemberData(nameof(RepositoryData.BadOptions), MemberType = typeof(RepositoryData))]
    public async Task Invalid_option_value_fails_clearly_and_writes_nothing(string language, string option, string value)
    {
        var template = fixture.GetTemplate(language);
        var hive = await fixture.GetHiveAsync();
        var output = fixture.NewScratchPath($"{language}-bad{option}");

        var result = await hive.InstantiateAsync(template.ShortName, output, ["-n", Scenario.FixedName, option, value], TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded, $"dotnet new accepted {option} {value}; it must refuse it.\n{result.Describe()}");
        var message = result.StandardError + result.StandardOutput;
        Assert.True(
            message.Contains(option, StringComparison.Ordinal) || message.Contains($"'{value}'", StringComparison.Ordinal),
            $"The error for {option} {value} names neither the option nor the value:\n{result.Describe()}");
        var written = FileTree.RelativeFiles(output);
        Assert.True(
            written.Count == 0,
            $"dotnet new refused {option} {value} but still wrote into {output}: {string.Join(", ", written)}");
    }
}
