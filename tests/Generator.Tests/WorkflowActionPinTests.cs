namespace Generator.Tests;

/// <summary>Every workflow seed writes uses its actions by commit, with the release in a comment
/// (<see cref="ActionPins"/>); the pins themselves live in tools/Multistage/Seeding/WorkflowActions.cs.</summary>
[Collection(GeneratorCollection.Name)]
public sealed class WorkflowActionPinTests(SeededCourses courses)
{
    private const string Commit = "fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09";

    public static TheoryData<string> Requests() => new(SeedRequest.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_workflow_uses_actions_pinned_by_commit_with_the_release_in_a_comment(string request)
    {
        var course = await courses.GetAsync(SeedRequest.Named(request));
        foreach (var workflow in Directory.GetFiles(course.PathOf(".github/workflows"), "*.yml").Order(StringComparer.Ordinal))
        {
            var uses = ActionPins.Check(File.ReadAllText(workflow));
            // Each course workflow checks the course out, so none can pass by having no action at all.
            Assert.True(uses.Count > 0, $"{workflow} has no `uses:` line; every course workflow checks the course out first.");
            var unpinned = uses.Where(u => !u.Pinned).Select(u => $"  line {u.Line}: {u.Text.Trim()}").ToList();
            Assert.True(unpinned.Count == 0,
                $"{workflow} (seed request {request}) uses actions not pinned as `owner/action@<40-hex commit> # vX.Y.Z`:\n" +
                $"{string.Join("\n", unpinned)}\nPin them in tools/Multistage/Seeding/WorkflowActions.cs (CONTRIBUTING.md says how).");
        }
    }

    public static TheoryData<string> UnpinnedLines() => new(
        "      - uses: actions/checkout@v5",
        "        uses: actions/checkout@main",
        $"      - uses: actions/checkout@{Commit[..7]} # v5.1.0",
        $"      - uses: actions/checkout@{Commit}",
        $"      - uses: actions/checkout@{Commit} # latest",
        $"      - uses: actions/checkout@{Commit.ToUpperInvariant()} # v5.1.0",
        $"      - {{ uses: actions/checkout@v5 }}");

    [Theory]
    [MemberData(nameof(UnpinnedLines))]
    public void The_rule_rejects_an_action_not_pinned_by_full_commit_and_release(string line)
    {
        var uses = ActionPins.Check($"    steps:\n{line}\n");
        Assert.True(uses is [{ Pinned: false }], $"Expected the one `uses:` line to be refused: {line}");
    }

    [Theory]
    [InlineData($"      - uses: actions/checkout@{Commit} # v5.1.0")]
    [InlineData($"        uses: actions/upload-artifact@{Commit} # v7")]
    public void The_rule_accepts_an_action_pinned_by_full_commit_and_release(string line)
    {
        var uses = ActionPins.Check($"    steps:\n{line}\n");
        Assert.True(uses is [{ Pinned: true }], $"Expected the one `uses:` line to be accepted: {line}");
    }
}
