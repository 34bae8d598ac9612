using Multistage.Core.Docker;
using Multistage.Core.Pipeline;

namespace Core.Tests;

/// <summary>init --verify on public projects whose app answered 404 on / (controllers only, no health route):
/// the answers check told them to listen on 0.0.0.0, which they did; and on apps that crashed at start, every
/// run check gave its usual hint instead of the one cause.</summary>
public sealed class FailureFixTests
{
    private static readonly ContainerState Running = new("running", true, 0, "unhealthy", []);

    private static RunOutcome Answered(HttpAnswer health) =>
        new("c", null, new HttpAnswer(404, "", null), health, Running, null, null) { Port = 5024, HealthPath = "/" };

    private static ServingContract Project => new(5024, "ASPNETCORE_HTTP_PORTS", "/", null, [0], HealthcheckRequired: true, []);

    [Fact]
    public void An_app_that_answers_but_not_on_the_health_path_is_told_to_move_the_health_path()
    {
        var fix = FailureFix.ForAnswers(Answered(new HttpAnswer(404, "", null)), Project);
        Assert.Equal("The app answers on port 5024, but / gave 404: point the health path at a route that answers 2xx with no login, parameter or database (init --set health-path=/route), or add one such as /healthz.", fix);
    }

    [Fact]
    public void Nothing_answering_or_a_sample_keeps_the_checks_own_hint()
    {
        Assert.Null(FailureFix.ForAnswers(Answered(new HttpAnswer(null, "", "Connection refused")), Project));
        Assert.Null(FailureFix.ForAnswers(Answered(new HttpAnswer(404, "", null)), ServingContract.Samples));
    }
}
