using System.Security.Cryptography;
using System.Text;
using Multistage.Core.Processes;

namespace Multistage.Core.Templates;

/// <summary>
/// Names everything an installed hive depends on, so one installed before can be reused: the SDKs `dotnet`
/// finds (the hive also caches the SDK's own templates), and each source's full path (the hive names a
/// template folder by its path) and content (under a folder every file's relative path and bytes, as
/// `dotnet new` looks for templates anywhere in it; a package's bytes).
/// </summary>
internal static class TemplateHiveKey
{
    private const string Format = "multistage template hive 1";
    private const int KeyBytes = 12;
    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(30);

    // Dot folders (.template.config) count: the default enumeration options would skip hidden entries.
    private static readonly EnumerationOptions EveryFile = new() { RecurseSubdirectories = true, AttributesToSkip = 0 };

    /// <returns>A short lower-case hex key, or null when something it depends on cannot be read.</returns>
    public static async Task<string?> ComputeAsync(IReadOnlyList<string> sources, string workingDirectory, CancellationToken ct)
    {
        try
        {
            var sdks = await InstalledSdksAsync(workingDirectory, ct).ConfigureAwait(false);
            if (sdks is null)
            {
                return null;
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            AppendText(hash, Format);
            AppendText(hash, sdks);
            foreach (var source in sources)
            {
                AppendSource(hash, source);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset(), 0, KeyBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // `dotnet --list-sdks` is answered by the host alone (tens of milliseconds); `--version` starts the SDK.
    // It runs where `dotnet new` will run, in the hive folder.
    private static async Task<string?> InstalledSdksAsync(string workingDirectory, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync(
            new ProcessSpec("dotnet", ["--list-sdks"])
            {
                WorkingDirectory = workingDirectory,
                Environment = DotnetEnvironment.Quiet,
                Timeout = ListTimeout,
            },
            ct).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : null;
    }

    private static void AppendSource(IncrementalHash hash, string source)
    {
        AppendText(hash, source);
        if (!Directory.Exists(source))
        {
            AppendFile(hash, source);
            return;
        }

        var files = Directory.EnumerateFiles(source, "*", EveryFile)
            .Select(file => (File: file, Name: Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(file => file.Name, StringComparer.Ordinal);
        foreach (var (file, name) in files)
        {
            AppendText(hash, name);
            AppendFile(hash, file);
        }
    }

    // Every part goes in with its length first, so no two different lists of parts give the same bytes.
    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendLength(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendFile(IncrementalHash hash, string path)
    {
        using var stream = File.OpenRead(path);
        AppendLength(hash, stream.Length);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }

    private static void AppendLength(IncrementalHash hash, long length) => hash.AppendData(BitConverter.GetBytes(length));
}
