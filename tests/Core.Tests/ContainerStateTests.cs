using Multistage.Core.Docker;

namespace Core.Tests;

/// <summary>Reading `docker inspect`'s State: the exit time the stop figure is measured to.</summary>
public sealed class ContainerStateTests
{
    [Fact]
    public void FinishedAt_keeps_the_daemons_time_to_the_tick_from_nanoseconds()
    {
        var state = ContainerState.Parse(
            """{"Status":"exited","Running":false,"ExitCode":143,"FinishedAt":"2026-12-04T15:20:01.123456789Z"}""");

        Assert.Equal(143, state.ExitCode);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 15, 20, 1, TimeSpan.Zero).AddTicks(1_234_567), state.FinishedAt);
    }

    [Theory]
    [InlineData("""{"Status":"running","Running":true,"ExitCode":0,"FinishedAt":"0001-01-01T00:00:00Z"}""")]
    [InlineData("""{"Status":"running","Running":true,"ExitCode":0}""")]
    public void FinishedAt_is_null_for_a_container_that_never_exited(string json) =>
        Assert.Null(ContainerState.Parse(json).FinishedAt);
}
