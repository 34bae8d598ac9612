namespace Core.Tests;

/// <summary>The testing library's skip summary (tests/Shared): one line per reason, whatever the number of
/// tests it stopped, with the command that removes it.</summary>
public sealed class SkipSummaryTests
{
    [Fact]
    public void Each_reason_is_one_line_with_its_count_and_fix_most_tests_first()
    {
        var summary = new SkipSummary();
        summary.Record("action-validator is not installed", "npm ci --prefix tools/validators");
        summary.Record("docker buildx is not installed", "apt-get install docker-buildx");
        summary.Record("docker buildx is not installed", "apt-get install docker-buildx");

        Assert.Equal(
            [
                "2 test(s) skipped: docker buildx is not installed. To run them: apt-get install docker-buildx",
                "1 test(s) skipped: action-validator is not installed. To run them: npm ci --prefix tools/validators",
            ],
            summary.Lines());
    }

    [Fact]
    public void A_reason_that_names_its_own_fix_is_printed_as_it_is()
    {
        var summary = new SkipSummary();
        summary.Record("No Docker daemon answers. Fix: start Docker.", fix: null);

        Assert.Equal(["1 test(s) skipped: No Docker daemon answers. Fix: start Docker."], summary.Lines());
    }
}
