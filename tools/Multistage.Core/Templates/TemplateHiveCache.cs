namespace Multistage.Core.Templates;

/// <summary>
/// Installed hives kept across processes, so `multistage init` (a process per call) and the test fixtures do
/// not run `dotnet new install` for sources installed before. One folder per <see cref="TemplateHiveKey"/>:
/// the hive as installed (hive/) and the list of its sources (sources, written last: an entry without it is
/// incomplete). The cache only saves time: whatever cannot be read or written in it means a plain install.
/// </summary>
public sealed class TemplateHiveCache
{
    /// <summary>Set to 0, every hive is installed afresh and nothing is cached.</summary>
    public const string SwitchVariable = "MULTISTAGE_TEMPLATE_CACHE";

    private const string HiveFolder = "hive";
    private const string SourcesFile = "sources";
    private const string StagingInfix = ".tmp-";
    private const string TrashInfix = ".trash-";

    // Entries are small (~0.5 MB), but test runs install template copies from temporary folders.
    private static readonly TimeSpan UnusedFor = TimeSpan.FromDays(30);

    // A folder being written by a process that was killed (no finally ran) is left this long.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    public TemplateHiveCache(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>template-hives/ under <see cref="MultistageCache.UserRoot"/>; null when switched off or no home is known.</summary>
    public static TemplateHiveCache? FromEnvironment() =>
        Environment.GetEnvironmentVariable(SwitchVariable) == "0" || MultistageCache.UserRoot() is not { } root
            ? null
            : new TemplateHiveCache(Path.Combine(root, "template-hives"));

    /// <summary>Copies the entry for <paramref name="key"/> into the empty <paramref name="hiveDirectory"/>;
    /// false, with the folder empty again, when there is none or it could not be read.</summary>
    internal bool TryRestore(string key, string hiveDirectory)
    {
        var entry = Path.Combine(Root, key);
        var sources = Path.Combine(entry, SourcesFile);
        if (!File.Exists(sources))
        {
            return false;
        }

        try
        {
            FolderCopy.Copy(Path.Combine(entry, HiveFolder), hiveDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Part of a copy (the entry pruned meanwhile, a full disk): the install starts from an empty folder.
            Directory.Delete(hiveDirectory, recursive: true);
            Directory.CreateDirectory(hiveDirectory);
            return false;
        }

        Try(() => File.SetLastWriteTimeUtc(sources, DateTime.UtcNow));
        return true;
    }

    /// <summary>Keeps a copy of the freshly installed hive under <paramref name="key"/>, unless the hive cannot
    /// be moved or the cache cannot be written.</summary>
    internal void Publish(string key, string hiveDirectory, IReadOnlyList<string> sources)
    {
        // A package's hive holds the package and names it by full path: a copy would depend on this folder.
        var pinned = true;
        if (!Try(() => pinned = NamesItsOwnFolder(hiveDirectory)) || pinned)
        {
            return;
        }

        var staging = Path.Combine(Root, key + StagingInfix + Guid.NewGuid().ToString("N"));
        try
        {
            Prune();
            FolderCopy.Copy(hiveDirectory, Path.Combine(staging, HiveFolder));
            File.WriteAllLines(Path.Combine(staging, SourcesFile), sources);
            // Atomic: readers see a whole entry or none. It fails when another process published the key first.
            Directory.Move(staging, Path.Combine(Root, key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not cached this time.
        }
        finally
        {
            Try(() => Delete(staging));
        }
    }

    private static bool NamesItsOwnFolder(string hiveDirectory)
    {
        var escaped = hiveDirectory.Replace("\\", "\\\\", StringComparison.Ordinal);
        return Directory.EnumerateFiles(hiveDirectory, "*", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .Any(text => text.Contains(hiveDirectory, StringComparison.Ordinal) || text.Contains(escaped, StringComparison.Ordinal));
    }

    /// <summary>Removes entries unused for a while or whose sources are gone (they can never be used again),
    /// and folders left half-written by a killed process.</summary>
    private void Prune()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        var now = DateTime.UtcNow;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            Try(() =>
            {
                var sources = Path.Combine(folder, SourcesFile);
                var complete = !Path.GetFileName(folder).Contains('.', StringComparison.Ordinal) && File.Exists(sources);
                var stale = complete
                    ? now - File.GetLastWriteTimeUtc(sources) > UnusedFor || File.ReadLines(sources).Any(source => !Path.Exists(source))
                    : now - Directory.GetLastWriteTimeUtc(folder) > AbandonedAfter;
                if (stale)
                {
                    // Moved aside first, so a process copying the entry fails loudly instead of copying half of it.
                    var trash = Path.Combine(Root, Path.GetFileName(folder) + TrashInfix + Guid.NewGuid().ToString("N"));
                    Directory.Move(folder, trash);
                    Delete(trash);
                }
            });
        }
    }

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool Try(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
