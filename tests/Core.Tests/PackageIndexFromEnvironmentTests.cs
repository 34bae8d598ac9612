using Multistage.Core.Pipeline;

namespace Core.Tests;

public sealed class PackageIndexFromEnvironmentTests
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    private static Func<string, string?> Environment(string name, string value) => n => n == name ? value : null;

    [Theory]
    [InlineData("PIP_INDEX_URL", "http://127.0.0.1:8000/simple/")]
    [InlineData("NPM_CONFIG_REGISTRY", "https://npm.example.com/")]
    [InlineData("GOPROXY", "https://proxy.example.com,direct")]
    public void A_mirror_set_in_the_environment_is_passed_to_the_build(string name, string value)
    {
        var arguments = PackageIndexFromEnvironment.AddTo(None, name, Environment(name, value));
        Assert.Equal(value, Assert.Contains(name, arguments));
    }

    [Fact]
    public void A_build_arg_of_the_same_name_wins()
    {
        var given = new Dictionary<string, string> { ["PIP_INDEX_URL"] = "http://given/simple/" };
        var arguments = PackageIndexFromEnvironment.AddTo(given, "PIP_INDEX_URL", Environment("PIP_INDEX_URL", "http://env/simple/"));
        Assert.Equal("http://given/simple/", arguments["PIP_INDEX_URL"]);
    }

    [Theory]
    [InlineData("file:///srv/wheels")]   // a host path: not inside the build
    [InlineData("/srv/wheels")]
    [InlineData("off")]                  // GOPROXY=off names no index
    [InlineData("direct")]
    [InlineData("")]
    public void Values_that_name_no_network_index_are_not_passed(string value)
    {
        var arguments = PackageIndexFromEnvironment.AddTo(None, "GOPROXY", Environment("GOPROXY", value));
        Assert.Empty(arguments);
    }

    [Fact]
    public void A_template_without_an_index_argument_takes_nothing_from_the_environment()
    {
        var arguments = PackageIndexFromEnvironment.AddTo(None, null, _ => "http://anything/");
        Assert.Empty(arguments);
    }
}
