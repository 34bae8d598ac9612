using Multistage.Core.Text;
using System.Text;

namespace Multistage.Tests.Shared;

/// <summary>
/// Compares a whole output tree with &lt;scenario&gt;.verified/. On a mismatch it writes &lt;scenario&gt;.received/
/// beside it and fails with the added and missing files and a unified diff of each changed one.
/// </summary>
public static class DirectorySnapshot
{
    // Keeps one failure message readable when a template changes wholesale; the received folder has the rest.
    private const int MaxDiffLinesPerFile = 120;

    public static string VerifiedDirectory(string snapshotsDirectory, string scenario) =>
        Path.Combine(snapshotsDirectory, scenario + ".verified");

    public static string ReceivedDirectory(string snapshotsDirectory, string scenario) =>
        Path.Combine(snapshotsDirectory, scenario + ".received");

    /// <summary>Passes when <paramref name="actualDirectory"/> equals the verified tree; otherwise fails via Assert.Fail.</summary>
    public static void Verify(string actualDirectory, string snapshotsDirectory, string scenario, SnapshotSettings settings)
    {
        var verified = VerifiedDirectory(snapshotsDirectory, scenario);
        var received = ReceivedDirectory(snapshotsDirectory, scenario);

        if (settings.Accept)
        {
            if (settings.RunningInCi)
            {
                Assert.Fail(
                    $"{SnapshotSettings.AcceptVariable}=1 is refused when CI=true: CI must check snapshots, not rewrite them. " +
                    $"Accept locally (unset CI), review the change in git and commit {verified}.");
            }
            FileTree.Replace(actualDirectory, verified);
            DeleteIfPresent(received);
            return;
        }

        var report = Compare(verified, actualDirectory);
        if (report is null)
        {
            DeleteIfPresent(received);
            return;
        }
        FileTree.Replace(actualDirectory, received);
        Assert.Fail(
            $"Snapshot '{scenario}' does not match.\n" +
            $"  verified: {verified}\n" +
            $"  received: {received}\n" +
            report +
            $"If the change is intended, accept it: {SnapshotSettings.AcceptVariable}=1 dotnet test tests/{TestProjectOf(snapshotsDirectory)} " +
            "--filter FullyQualifiedName~Snapshot, then review `git diff` of the verified folder and commit it.");
    }

    /// <summary>
    /// Fails naming every &lt;name&gt;.verified folder in <paramref name="snapshotsDirectory"/> that no test writes any
    /// more (a scenario, runtime or template renamed or removed): it would never be checked again.
    /// </summary>
    public static void AssertNoOrphans(string snapshotsDirectory, IEnumerable<string> knownNames)
    {
        var known = knownNames.Select(name => name + ".verified").ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.Exists(snapshotsDirectory)
            ? Directory.GetDirectories(snapshotsDirectory, "*.verified").Select(Path.GetFileName).OfType<string>()
                .Where(name => !known.Contains(name)).Order(StringComparer.Ordinal).ToList()
            : [];
        Assert.True(
            orphans.Count == 0,
            $"Verified snapshots that no test checks (renamed or removed?): {string.Join(", ", orphans)}. Delete them from {snapshotsDirectory}.");
    }

    /// <summary>The test project folder a snapshots folder belongs to (tests/&lt;project&gt;/Snapshots), for the accept command.</summary>
    private static string TestProjectOf(string snapshotsDirectory) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(snapshotsDirectory).TrimEnd(Path.DirectorySeparatorChar))) ?? "";

    /// <summary>Null when the trees are equal, else a readable report of what differs.</summary>
    public static string? Compare(string verifiedDirectory, string actualDirectory)
    {
        if (!Directory.Exists(verifiedDirectory))
        {
            return $"  There is no verified snapshot yet ({verifiedDirectory} is missing): this is a new scenario.\n";
        }
        var expectedFiles = FileTree.RelativeFiles(verifiedDirectory);
        var actualFiles = FileTree.RelativeFiles(actualDirectory);
        var missing = expectedFiles.Except(actualFiles, StringComparer.Ordinal).ToList();
        var added = actualFiles.Except(expectedFiles, StringComparer.Ordinal).ToList();

        var report = new StringBuilder();
        foreach (var relative in expectedFiles.Intersect(actualFiles, StringComparer.Ordinal))
        {
            var expected = File.ReadAllBytes(Path.Combine(verifiedDirectory, relative));
            var actual = File.ReadAllBytes(Path.Combine(actualDirectory, relative));
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                report.Append(DescribeChange(relative, expected, actual));
            }
        }
        if (missing.Count == 0 && added.Count == 0 && report.Length == 0)
        {
            return null;
        }

        var summary = new StringBuilder();
        if (missing.Count > 0)
        {
            summary.AppendLine($"  missing (in verified, not generated): {string.Join(", ", missing)}");
        }
        if (added.Count > 0)
        {
            summary.AppendLine($"  added (generated, not in verified): {string.Join(", ", added)}");
        }
        return summary.Append(report).ToString();
    }

    private static string DescribeChange(string relative, byte[] expected, byte[] actual)
    {
        // All template files are text; a NUL byte means something else went wrong, and a diff would be noise.
        if (expected.Contains((byte)0) || actual.Contains((byte)0))
        {
            return $"  changed (binary): {relative} ({expected.Length} -> {actual.Length} bytes)\n";
        }
        var diff = LineDiff.Unified(
            Encoding.UTF8.GetString(expected),
            Encoding.UTF8.GetString(actual),
            $"verified/{relative}",
            $"received/{relative}");
        if (diff.Length == 0)
        {
            // Different bytes, same decoded text: only invalid UTF-8 sequences differ.
            return $"  changed: {relative} (bytes differ in invalid UTF-8 sequences)\n";
        }
        var lines = diff.Split('\n');
        if (lines.Length > MaxDiffLinesPerFile)
        {
            diff = string.Join('\n', lines[..MaxDiffLinesPerFile]) +
                   $"\n... {lines.Length - MaxDiffLinesPerFile} more diff lines: compare the verified and received files.\n";
        }
        return $"  changed: {relative}\n{diff}";
    }

    private static void DeleteIfPresent(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
