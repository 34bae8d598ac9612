using Multistage.Core.Docker;

namespace Core.Tests;

/// <summary>Which network builds and containers use, and what that puts on the command line. No daemon
/// needed; CI (an engine without a bridge network) runs the host mode for real, every image test.</summary>
public sealed class NetworkChoiceTests
{
    [Theory]
    [InlineData(null, true, NetworkMode.Bridge)]
    [InlineData(null, false, NetworkMode.Host)]
    [InlineData("auto", true, NetworkMode.Bridge)]
    [InlineData(" Auto ", false, NetworkMode.Host)]
    [InlineData("host", true, NetworkMode.Host)]
    [InlineData("bridge", false, NetworkMode.Bridge)]
    public void Setting_decides_else_the_engine_bridge_network_does(string? setting, bool engineHasBridge, NetworkMode expected) =>
        Assert.Equal(expected, NetworkChoice.Decide(setting, () => engineHasBridge));

    [Fact]
    public void Engine_is_not_asked_when_the_setting_decides()
    {
        Assert.Equal(NetworkMode.Host, NetworkChoice.Decide("host", () => throw new InvalidOperationException("asked")));
    }

    [Fact]
    public void Unknown_setting_is_refused_naming_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkChoice.Decide("nat", () => true));
        Assert.Equal(
            "MULTISTAGE_NETWORK=nat is not a network mode: set it to host (an engine without a bridge network), " +
            "bridge (publish ports on 127.0.0.1) or auto (ask the engine), or unset it.",
            error.Message);
    }

    [Fact]
    public void Bridge_builds_plainly_and_publishes_the_port_on_loopback_only()
    {
        var build = new BuildRequest("/ctx", "Dockerfile", "t") { Network = NetworkMode.Bridge }.ToArguments();
        Assert.DoesNotContain("--network=host", build);

        var run = ContainerRunOptions.Serving("img", "c", NetworkMode.Bridge, 18080).ToArguments();
        AssertInOrder(run, "--publish", "127.0.0.1:18080:18080");
        Assert.DoesNotContain("--network", run);
        // Inside its own network namespace the app listens on every interface; the publish limits it to loopback.
        AssertInOrder(run, "--env", "HOST=0.0.0.0");
        AssertInOrder(run, "--env", "PORT=18080");
    }

    [Fact]
    public void Host_builds_and_runs_on_the_host_network_listening_on_loopback()
    {
        var build = new BuildRequest("/ctx", "Dockerfile", "t") { Network = NetworkMode.Host }.ToArguments();
        Assert.Contains("--network=host", build);

        var run = ContainerRunOptions.Serving("img", "c", NetworkMode.Host, 18080).ToArguments();
        AssertInOrder(run, "--network", "host");
        Assert.DoesNotContain("--publish", run);
        AssertInOrder(run, "--env", "HOST=127.0.0.1");
    }

    private static void AssertInOrder(IReadOnlyList<string> arguments, string option, string value)
    {
        var found = arguments.Select((argument, index) => (argument, index))
            .Any(pair => pair.argument == option && pair.index + 1 < arguments.Count && arguments[pair.index + 1] == value);
        Assert.True(found, $"Expected `{option} {value}` in: {string.Join(' ', arguments)}");
    }
}
