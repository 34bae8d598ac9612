namespace Multistage.Core.Pipeline;

/// <summary>A temporary copy of a sample folder, so measuring or grading never edits the user's files
/// (the cache check appends to a source file). Disposing deletes it.</summary>
public sealed class PrivateCopy : IDisposable
{
    private PrivateCopy(string directory) => Directory = directory;

    public string Directory { get; }

    public static PrivateCopy Of(string source, string purpose)
    {
        var copy = new PrivateCopy(Path.Combine(Path.GetTempPath(), $"multistage-{purpose}-{Guid.NewGuid():N}"));
        try
        {
            FolderCopy.Copy(source, copy.Directory);
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
