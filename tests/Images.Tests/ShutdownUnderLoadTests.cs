
namespace Images.Tests;

/// <summary>
/// `docker stop` while a client holds a connection: every app must exit by itself, with status 0,
/// within 5 s (Docker kills at 10 s; a 30 s shutdown timeout ends as exit 137).
/// </summary>
[Collection(VariantsCollection.Name)]
[Trait("Category", "Images")]
public sealed class ShutdownUnderLoadTests(ImageFixture fixture, ITestOutputHelper output) : NeedsDocker
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public Task Multi_stage_container_stops_within_5_s_with_an_idle_keep_alive_client(string variant) =>
        AssertStopsPromptlyAsync(variant, ClientLoad.IdleKeepAlive);

    [Theory]
    [MemberData(nameof(VariantPlan.Ids), MemberType = typeof(VariantPlan))]
    public Task Multi_stage_container_stops_within_5_s_with_a_half_sent_request(string variant) =>
        AssertStopsPromptlyAsync(variant, ClientLoad.HalfSentRequest);

    private async Task AssertStopsPromptlyAsync(string variant, ClientLoad load)
    {
        var outcome = await fixture.Get(variant).LoadedStopAsync(load);
        Assert.True(outcome.Stopped is not null, $"{variant}: the container never answered GET /: {outcome.FirstAnswer}");
        var stopped = outcome.Stopped;
        output.WriteLine($"{variant}, {load}: docker stop took {stopped.StopDuration.TotalSeconds:F2} s, exit {stopped.ExitCode}");
        var what = $"{variant}, docker stop with a client {(load == ClientLoad.IdleKeepAlive ? "holding an idle keep-alive connection" : "half-way through sending a request")}";
        Assert.False(stopped.WasKilled,
            $"{what}: killed (exit 137) after {stopped.StopDuration.TotalSeconds:F1} s: the app waited for the client past Docker's stop timeout. " +
            $"Give requests in flight at most 3 s (CONTRIBUTING.md, The app).\nContainer output:\n{stopped.Logs}");
        Assert.True(stopped.ExitCode == 0 && stopped.StopDuration < Limit,
            $"{what}: exit {stopped.ExitCode} after {stopped.StopDuration.TotalSeconds:F1} s; expected exit 0 within {Limit.TotalSeconds:F0} s.\nContainer output:\n{stopped.Logs}");
    }
}
