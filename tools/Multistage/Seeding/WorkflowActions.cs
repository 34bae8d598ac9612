namespace Multistage.Cli.Seeding;

/// <summary>A GitHub Action pinned to the commit its release tag points at. A tag can be moved to other
/// code after a workflow was reviewed; a commit cannot, so the course's workflows run what was reviewed.</summary>
/// <param name="Repository">owner/name of the action</param>
/// <param name="Commit">the full 40-character commit the release tag dereferences to</param>
/// <param name="Release">the release tag, written beside the commit for readers and update bots</param>
public sealed record WorkflowAction(string Repository, string Commit, string Release)
{
    /// <summary>The value of a workflow step's <c>uses:</c>, with the release as a YAML comment.</summary>
    public string Uses => $"{Repository}@{Commit} # {Release}";
}

/// <summary>The one list of the actions the course workflows use (grade.yml, images.yml read it as
/// <c>actions.*</c>). To bump one, see "GitHub Actions in the course workflows" in CONTRIBUTING.md.</summary>
public sealed record WorkflowActions(WorkflowAction Checkout, WorkflowAction SetupDotnet, WorkflowAction UploadArtifact)
{
    public static WorkflowActions Pinned { get; } = new(
        // v5 still gets releases (v5.1.0 carries v7's fork-checkout protections); v6 and v7 change nothing the course needs.
        Checkout: new("actions/checkout", "fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09", "v5.1.0"),
        // v5 runs on Node 24 like v6, whose only change is internal (ES modules).
        SetupDotnet: new("actions/setup-dotnet", "26b0ec14cb23fa6904739307f278c14f94c95bf1", "v5.4.0"),
        // Not v4: it runs on Node 20, which is out of support; v7 takes name and path as v4 did.
        UploadArtifact: new("actions/upload-artifact", "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0"));
}
