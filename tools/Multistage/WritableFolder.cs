using System.Runtime.InteropServices;

namespace Multistage.Cli;

/// <summary>Whether the tool may write into a folder, asked of the operating system before any work starts
/// (access(2): a read-only mount and missing permissions both answer), so a command refuses in one line
/// instead of failing half-way with the runtime's "Read-only file system : '…'".</summary>
public static class WritableFolder
{
    private const int WriteAccess = 2;
    private const int ReadOnlyFileSystem = 30;

    /// <summary>Null when <paramref name="path"/> (or, where it does not exist yet, the folder it would be
    /// made in) can be written; else why not, as "FOLDER is on a read-only file system" and the like.</summary>
    public static string? Problem(string path)
    {
        var existing = NearestExisting(Path.GetFullPath(path));
        if (existing is null || OperatingSystem.IsWindows())
        {
            // Windows has no access(2); there the write itself reports it (FailureHandler).
            return null;
        }

        if (Access(existing, WriteAccess) == 0)
        {
            return null;
        }

        return Marshal.GetLastPInvokeError() == ReadOnlyFileSystem
            ? $"{UserPath.Display(existing)} is on a read-only file system"
            : $"{UserPath.Display(existing)} is not writable for you (permission denied)";
    }

    /// <summary>The runtime's error for a write that failed for the same reasons, or null for any other error.</summary>
    public static bool IsWriteRefusal(Exception exception) =>
        exception is UnauthorizedAccessException || (exception is IOException && exception.HResult == ReadOnlyFileSystem);

    private static string? NearestExisting(string path)
    {
        for (var folder = path; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }

        return null;
    }

    // Strings go to libc as UTF-8 on Linux and macOS, the only systems that call it.
    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    private static extern int Access(string path, int mode);
}
