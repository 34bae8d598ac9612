using System.Reflection;

namespace Multistage.Core.Dockerize;

/// <summary>Every <see cref="IProjectDetector"/> in this assembly, found by reflection: adding a language is
/// adding its template folder and one detector class, with no list or switch to edit.</summary>
public static class ProjectDetectors
{
    public static IReadOnlyList<IProjectDetector> All { get; } = typeof(IProjectDetector).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProjectDetector).IsAssignableFrom(t))
        .Select(t => (IProjectDetector)Activator.CreateInstance(t)!)
        .OrderBy(d => d.Language, StringComparer.Ordinal)
        .ToList();

    /// <summary>The detector for <paramref name="language"/>, or null.</summary>
    public static IProjectDetector? For(string language) =>
        All.FirstOrDefault(d => string.Equals(d.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>What every detector finds in <paramref name="folder"/>, in language order.</summary>
    public static IReadOnlyList<ProjectDetection> DetectAll(ProjectFolder folder) =>
        All.Select(d => d.Detect(folder)).OfType<ProjectDetection>().ToList();
}
