using Multistage.Core.Processes;

namespace Multistage.Tests.Shared;

/// <summary>A folder the tool may not write into, filled first: for root (whom permissions do not stop) a
/// tmpfs remounted read-only, which answers writes as a read-only mount does; for anyone else, mode 0555.
/// Put back and removed on dispose.</summary>
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly bool _mounted;

    private ReadOnlyFolder(string path, bool mounted) => (Path, _mounted) = (path, mounted);

    public string Path { get; }

    /// <summary>Creates the folder, lets <paramref name="fill"/> write into it, then makes it read-only.</summary>
    public static async Task<ReadOnlyFolder> CreateAsync(string path, Action<string>? fill = null)
    {
        Directory.CreateDirectory(path);
        var root = Environment.UserName == "root";
        if (root)
        {
            await RunOrFailAsync("mount", ["-t", "tmpfs", "tmpfs", path]);
        }

        fill?.Invoke(path);
        if (root)
        {
            await RunOrFailAsync("mount", ["-o", "remount,ro", path]);
        }
        else
        {
            foreach (var folder in Directory.GetDirectories(path, "*", SearchOption.AllDirectories).Prepend(path))
            {
                SetMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        }

        return new ReadOnlyFolder(path, root);
    }

    public void Dispose()
    {
        if (_mounted)
        {
            ProcessRunner.RunAsync(new ProcessSpec("umount", [Path])).GetAwaiter().GetResult();
        }
        else
        {
            foreach (var folder in Directory.GetDirectories(Path, "*", SearchOption.AllDirectories).Prepend(Path))
            {
                SetMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        TempFolder.Remove(Path);
    }

    private static void SetMode(string folder, UnixFileMode mode)
    {
        Assert.False(OperatingSystem.IsWindows(), "A read-only folder is made with Unix modes or a mount: Linux and macOS only.");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, mode);
        }
    }

    private static async Task RunOrFailAsync(string program, IReadOnlyList<string> arguments)
    {
        var result = await ProcessRunner.RunAsync(new ProcessSpec(program, arguments) { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(result.Succeeded, $"Making a read-only folder as root needs `{program}` (CAP_SYS_ADMIN):\n{result.Describe()}");
    }
}
