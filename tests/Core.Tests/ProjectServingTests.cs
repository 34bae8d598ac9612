using Multistage.Core.Dockerize;

namespace Core.Tests;

/// <summary>How `init --verify` and `check` run an init'd project, from the item template's values.</summary>
public sealed class ProjectServingTests
{
    [Fact]
    public void The_values_init_found_become_the_contract()
    {
        var contract = ProjectServing.Contract(new Dictionary<string, string>
        {
            ["port"] = "5050",
            ["port-variable"] = "APP_PORT",
            ["health-path"] = "/healthz",
            ["writable"] = " instance  uploads ",
        });

        Assert.Equal(5050, contract.Port);
        Assert.Equal("APP_PORT", contract.PortVariable);
        Assert.Equal("/healthz", contract.HealthPath);
        Assert.Equal(["instance", "uploads"], contract.WritableFolders);
        Assert.Equal([0, 143], contract.CleanExitCodes);
        Assert.False(contract.HealthcheckRequired);
        // A project's health route answers what it likes: any 2xx is healthy, a 503 is not.
        Assert.True(contract.IsHealthyAnswer(204, ""));
        Assert.False(contract.IsHealthyAnswer(503, "ok"));
    }

    [Fact]
    public void Empty_values_fall_back_to_PORT_and_the_root_path()
    {
        var contract = ProjectServing.Contract(new Dictionary<string, string> { ["port"] = "8080", ["port-variable"] = "", ["health-path"] = " " });

        Assert.Equal("PORT", contract.PortVariable);
        Assert.Equal("/", contract.HealthPath);
        Assert.Empty(contract.WritableFolders);
    }
}
