using Multistage.Core.Templates;

namespace Templates.Tests.Infrastructure;

/// <summary>
/// Theory data read from the repository at discovery time, so each template and scenario shows up as its own
/// test case. Everything is a string (serializable), and tests look the full objects up by name.
/// </summary>
public static class RepositoryData
{
    /// <summary>The verified output trees of the template scenarios.</summary>
    public static string SnapshotsDirectory => TestRepository.SnapshotsDirectory("Templates.Tests");

    /// <summary>Folder names under templates/, read without multistage.json so template.json tests stand alone.</summary>
    public static IReadOnlyList<string> TemplateFolderNames() =>
        Directory.GetDirectories(TestRepository.TemplatesDirectory).Select(Path.GetFileName).OfType<string>()
            .OrderBy(name => name, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<Scenario> AllScenarios() => Scenario.For(TemplateCatalog.Load(TestRepository.TemplatesDirectory));

    public static TheoryData<string> Languages() => new(TemplateFolderNames());

    public static TheoryData<string> ScenarioNames() => new(AllScenarios().Select(s => s.Name));

    public static TheoryData<string> RuntimeScenarioNames() =>
        new(AllScenarios().Where(s => s.SelectsRuntime).Select(s => s.Name));

    /// <summary>Every template with each invalid option value it must reject.</summary>
    public static TheoryData<string, string, string> BadOptions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var language in TemplateFolderNames())
        {
            data.Add(language, "--port", "abc");
            data.Add(language, "--runtime", "nonsense");
        }
        return data;
    }
}
