using Templates.Tests.Infrastructure;
using Xunit.Sdk;

namespace Templates.Tests.Helpers;

public sealed class DirectorySnapshotTests : IDisposable
{
    private static readonly SnapshotSettings Check = new(Accept: false, RunningInCi: false);

    private readonly string _root = TempFolder.NewPath("snapshot-tests");

    private string Actual => Path.Combine(_root, "actual");

    private string Snapshots => Path.Combine(_root, "Snapshots");

    public void Dispose() => TempFolder.Remove(_root);

    [Fact]
    public void Accept_then_verify_passes_and_leaves_no_received_folder()
    {
        Write(Actual, "Dockerfile", "FROM scratch\n");
        Write(Actual, ".dockerignore", ".git\n");
        DirectorySnapshot.Verify(Actual, Snapshots, "demo", new SnapshotSettings(Accept: true, RunningInCi: false));

        DirectorySnapshot.Verify(Actual, Snapshots, "demo", Check);

        Assert.True(File.Exists(Path.Combine(Snapshots, "demo.verified", ".dockerignore")));
        Assert.False(Directory.Exists(Path.Combine(Snapshots, "demo.received")));
    }

    [Fact]
    public void Mismatch_writes_received_and_reports_added_missing_and_changed_files()
    {
        Write(Path.Combine(Snapshots, "demo.verified"), "Dockerfile", "FROM a\nUSER 1\n");
        Write(Path.Combine(Snapshots, "demo.verified"), ".dockerignore", ".git\n");
        Write(Actual, "Dockerfile", "FROM b\nUSER 1\n");
        Write(Actual, "extra.txt", "x\n");

        var error = Assert.Throws<FailException>(() => DirectorySnapshot.Verify(Actual, Snapshots, "demo", Check));

        Assert.Contains("missing (in verified, not generated): .dockerignore", error.Message);
        Assert.Contains("added (generated, not in verified): extra.txt", error.Message);
        Assert.Contains("-FROM a\n+FROM b\n", error.Message);
        Assert.Contains(Path.Combine(Snapshots, "demo.received"), error.Message);
        Assert.True(File.Exists(Path.Combine(Snapshots, "demo.received", "extra.txt")));
    }

    [Fact]
    public void Dotfile_change_alone_fails()
    {
        Write(Path.Combine(Snapshots, "demo.verified"), ".dockerignore", ".git\n");
        Write(Actual, ".dockerignore", ".git\nbin/\n");
        var error = Assert.Throws<FailException>(() => DirectorySnapshot.Verify(Actual, Snapshots, "demo", Check));
        Assert.Contains("changed: .dockerignore", error.Message);
    }

    [Fact]
    public void Missing_verified_folder_fails_as_a_new_scenario()
    {
        Write(Actual, "a.txt", "a\n");
        var error = Assert.Throws<FailException>(() => DirectorySnapshot.Verify(Actual, Snapshots, "demo", Check));
        Assert.Contains("no verified snapshot yet", error.Message);
    }

    [Fact]
    public void Accept_is_refused_in_CI_and_changes_nothing()
    {
        Write(Actual, "a.txt", "a\n");
        var error = Assert.Throws<FailException>(
            () => DirectorySnapshot.Verify(Actual, Snapshots, "demo", new SnapshotSettings(Accept: true, RunningInCi: true)));
        Assert.Contains("refused when CI=true", error.Message);
        Assert.False(Directory.Exists(Path.Combine(Snapshots, "demo.verified")));
    }

    private static void Write(string directory, string relative, string text)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, relative), text);
    }
}
