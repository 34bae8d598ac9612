namespace Generator.Tests;

/// <summary>
/// What a seed snapshot holds: the course-level files as they are, and <c>samples.txt</c>, the list of
/// every sample file. The samples' contents are the templates' output, already compared file by file by
/// the template snapshots; copying them here again would make every template edit re-accept three more
/// trees for no extra check. The list still catches a missing, extra or misplaced sample file.
/// </summary>
public static class CourseSnapshotView
{
    public const string SampleListFile = "samples.txt";

    /// <summary>Course-level files sit at the root or under .github/; everything else belongs to a sample.</summary>
    public static bool IsCourseLevel(string relative) =>
        !relative.Contains('/', StringComparison.Ordinal) || relative.StartsWith(".github/", StringComparison.Ordinal);

    /// <summary>Writes the view of <paramref name="courseDirectory"/> into <paramref name="viewDirectory"/> (made fresh).</summary>
    public static void Write(string courseDirectory, string viewDirectory)
    {
        if (Directory.Exists(viewDirectory))
        {
            Directory.Delete(viewDirectory, recursive: true);
        }

        Directory.CreateDirectory(viewDirectory);
        var files = CourseSeeding.Files(courseDirectory);
        foreach (var relative in files.Where(IsCourseLevel))
        {
            var target = Path.Combine(viewDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(courseDirectory, relative), target);
        }

        var samples = files.Where(f => !IsCourseLevel(f)).ToList();
        File.WriteAllText(Path.Combine(viewDirectory, SampleListFile), string.Concat(samples.Select(s => s + "\n")));
    }
}
