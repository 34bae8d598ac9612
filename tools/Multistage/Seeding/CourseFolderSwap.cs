namespace Multistage.Cli.Seeding;

/// <summary>
/// Moves a course written in a private staging folder into place, so an interrupted seed leaves either
/// the old folder or the new course, never half of one. Into an existing folder (--force) it first
/// moves aside what a seed owns there (every sample folder and the course files), then moves the new
/// entries in; if a move fails, what was moved aside is put back. Everything else stays untouched.
/// </summary>
public static class CourseFolderSwap
{
    /// <summary>A new folder beside <paramref name="output"/> (same file system, so moves are renames).</summary>
    public static string CreateSibling(string output, string purpose)
    {
        var parent = Path.GetDirectoryName(output) ?? throw new InvalidOperationException($"{output} has no parent folder to stage a course in.");
        Directory.CreateDirectory(parent);
        var sibling = Path.Combine(parent, $".{Path.GetFileName(output)}.{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(sibling);
        return sibling;
    }

    /// <param name="owned">Paths relative to the course that a seed writes and may replace: whole sample
    /// folders, and single files such as .github/workflows/images.yml in a folder the user may share.</param>
    public static void Commit(string staging, string output, IEnumerable<string> owned)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }

        var ownedList = owned.ToList();
        var aside = CreateSibling(output, "replaced");
        var movedAside = new List<string>();
        var movedIn = new List<string>();
        try
        {
            foreach (var relative in ownedList.Where(r => Exists(Path.Combine(output, r))))
            {
                Move(Path.Combine(output, relative), Path.Combine(aside, relative));
                movedAside.Add(relative);
            }

            foreach (var relative in ownedList.Where(r => Exists(Path.Combine(staging, r))))
            {
                Move(Path.Combine(staging, relative), Path.Combine(output, relative));
                movedIn.Add(relative);
            }
        }
        catch
        {
            // Put the course back as it was before this seed: its new entries out, the old ones in.
            foreach (var relative in movedIn)
            {
                Move(Path.Combine(output, relative), Path.Combine(staging, relative));
            }

            foreach (var relative in movedAside)
            {
                Move(Path.Combine(aside, relative), Path.Combine(output, relative));
            }

            throw;
        }
        finally
        {
            Directory.Delete(aside, recursive: true);
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static void Move(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }
    }
}
