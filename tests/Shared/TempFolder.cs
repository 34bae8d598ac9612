namespace Multistage.Tests.Shared;

/// <summary>A test's own folder under the system's temporary folder (TMPDIR), named after what it is for and
/// unique per run; removed on dispose. A folder that cannot be removed is left: harmless, unlike failing a run.</summary>
public sealed class TempFolder : IDisposable
{
    private TempFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>Creates the folder.</summary>
    public static TempFolder Create(string hint)
    {
        var folder = new TempFolder(NewPath(hint));
        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    /// <summary>A unique path that does not exist yet, for a test that creates (or must not create) it.</summary>
    public static string NewPath(string hint) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"multistage-{hint}-{Guid.NewGuid():N}");

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => Remove(Path);

    /// <summary>Removes a folder and everything in it, if it is there.</summary>
    public static void Remove(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind in the temporary folder.
        }
    }
}
