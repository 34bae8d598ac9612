using Multistage.Core.Templates;

namespace Multistage.Tests.Shared;

/// <summary>The clone the tests run from: its root, its templates, and each test project's verified snapshots.</summary>
public static class TestRepository
{
    public static string Root => RepositoryLayout.FindRoot();

    public static string TemplatesDirectory => RepositoryLayout.TemplatesDirectory(Root);

    /// <summary>tests/&lt;project&gt;/Snapshots: each test project keeps the reviewed trees of its own subject.</summary>
    public static string SnapshotsDirectory(string testProject) => Path.Combine(Root, "tests", testProject, "Snapshots");
}
