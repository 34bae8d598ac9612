using Multistage.Core.Docker;
using Multistage.Core.Pipeline;

namespace Core.Tests;

/// <summary>init --verify on a container that died by itself before `docker stop` (omier-hasoun/CleanArchitecture
/// exited 139 at start): the healthy, answers and sigterm checks said "never healthy", "listen on 0.0.0.0" and
/// "make the SIGTERM handler exit", and no check showed what the app printed.</summary>
public sealed class EarlyExitTests
{
    private static readonly HttpAnswer Refused = new(null, "", "Connection refused");

    private static RunOutcome Outcome(ContainerState beforeStop, string logs) =>
        new("c", new InvalidOperationException("Container c became exited (exit 139)."), Refused, Refused, beforeStop,
            new StoppedContainer("c", beforeStop.ExitCode, TimeSpan.Zero, logs), null);

    [Fact]
    public void A_container_that_exited_before_the_stop_is_named_with_its_status_and_last_output()
    {
        var logs = "info: starting\n\nUnhandled exception. System.InvalidOperationException: Connection string 'DbContext' is missing.\n   at Program.Main()\n";
        var exited = EarlyExit.Describe(Outcome(new ContainerState("exited", false, 134, "starting", []), logs));
        Assert.Equal(
            "the app exited by itself with status 134 (signal 6) before docker stop; its last output: Unhandled exception. System.InvalidOperationException: Connection string 'DbContext' is missing. | at Program.Main()",
            exited);

        Assert.Equal(
            "the app exited by itself with status 139 (signal 11) before docker stop, printing nothing",
            EarlyExit.Describe(Outcome(new ContainerState("exited", false, 139, "starting", []), "")));
    }

    [Fact]
    public void A_container_still_running_at_the_stop_did_not_exit_early()
    {
        Assert.Null(EarlyExit.Describe(Outcome(new ContainerState("running", true, 0, "unhealthy", []), "listening")));
    }
}
