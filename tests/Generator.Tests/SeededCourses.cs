using System.Collections.Concurrent;

namespace Generator.Tests;

[CollectionDefinition(Name)]
public sealed class GeneratorCollection : ICollectionFixture<SeededCourses>
{
    public const string Name = "Generator";
}

/// <summary>Each <see cref="SeedRequest"/> seeded once per run (on first use) into a temporary folder that
/// is removed at the end; snapshot and validator tests read the same courses.</summary>
public sealed class SeededCourses : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SeededCourse>>> _courses = new(StringComparer.Ordinal);
    private int _scratchCounter;

    public string WorkDirectory { get; } = TempFolder.NewPath("generator-tests");

    public Task<SeededCourse> GetAsync(SeedRequest request) =>
        _courses.GetOrAdd(request.Name, _ => new Lazy<Task<SeededCourse>>(() => SeedOnceAsync(request))).Value;

    /// <summary>A fresh path under the work folder that does not exist yet.</summary>
    public string NewScratchPath(string hint) =>
        Path.Combine(WorkDirectory, "scratch", $"{hint}-{Interlocked.Increment(ref _scratchCounter)}");

    public void Dispose() => TempFolder.Remove(WorkDirectory);

    private async Task<SeededCourse> SeedOnceAsync(SeedRequest request)
    {
        var output = Path.Combine(WorkDirectory, "courses", request.Name);
        await CourseSeeding.SeedOrFailAsync(output, request.Arguments);
        return new SeededCourse(request, output);
    }
}

/// <summary>A seeded course on disk and the request it was seeded from.</summary>
public sealed record SeededCourse(SeedRequest Request, string Directory)
{
    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>The languages seeded, in course order.</summary>
    public IReadOnlyList<string> Languages => Request.LanguagesSeeded;

    /// <summary>The sample folder the course-level build files must point at: in mode both the finished
    /// samples under solution/ (the starters have no multi-stage Dockerfile), else the language's folder.</summary>
    public string BuildContext(string language) => Request.Mode == "both" ? $"solution/{language}" : language;

    /// <summary>The Dockerfiles a course can build: a starter holds only the single-stage baseline.</summary>
    public IReadOnlyList<string> Dockerfiles => Request.Mode == "starter" ? ["Dockerfile.single"] : ["Dockerfile", "Dockerfile.single"];
}
