using Multistage.Core.Dockerize;
using Multistage.Tests.Shared;

namespace Core.Tests;

/// <summary>Each detector against projects laid out as real ones are (tests/InitProjects/): the one
/// language it recognises, the name and exactly the option values listed in <see cref="InitLayouts"/>.</summary>
public sealed class ProjectDetectionTests
{
    public static TheoryData<string> Layouts() => new(InitLayouts.All.Select(l => l.Folder));

    private static ProjectFolder Folder(string name) => new(Path.Combine(InitLayouts.Directory(TestRepository.Root), name));

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Layout_is_detected_as_exactly_one_language_with_its_name_and_values(string layoutName)
    {
        var layout = InitLayouts.Get(layoutName);
        var found = ProjectDetectors.DetectAll(Folder(layoutName));

        Assert.True(found.Count == 1 && found[0].Language == layout.Language,
            $"{layoutName}: expected one {layout.Language} project, detected [{string.Join(", ", found.Select(f => f.Language))}].");
        var detection = found[0];
        Assert.True(detection.Name == layout.Name, $"{layoutName}: expected the name '{layout.Name}', read '{detection.Name}' (from {detection.NameFrom}).");
        Assert.True(detection.Ambiguities.Count == 0 && detection.Problems.Count == 0,
            $"{layoutName}: expected nothing left to ask, got ambiguities [{string.Join("; ", detection.Ambiguities.Select(a => $"{a.Option}: {a.What}"))}] " +
            $"and problems [{string.Join("; ", detection.Problems)}].");
        var values = detection.Values.ToDictionary(v => v.Option, v => v.Value, StringComparer.Ordinal);
        Assert.True(
            values.Count == layout.Values.Count && layout.Values.All(e => values.GetValueOrDefault(e.Key) == e.Value),
            $"{layoutName}: expected exactly [{Show(layout.Values)}], read [{string.Join(", ", detection.Values.Select(v => $"{v.Option}={v.Value} ({v.From})"))}].");
    }

    [Fact]
    public void Go_module_with_two_commands_asks_which_main_package()
    {
        var detection = Assert.Single(ProjectDetectors.DetectAll(Folder("go-two-commands")));

        var ambiguity = Assert.Single(detection.Ambiguities);
        Assert.Equal("main", ambiguity.Option);
        Assert.Equal(["./cmd/api", "./cmd/worker"], ambiguity.Candidates);
        Assert.DoesNotContain(detection.Values, v => v.Option is "main" or "binary");
    }

    [Fact]
    public void Folder_without_a_project_is_no_language()
    {
        using var empty = TempFolder.Create("init-empty");
        File.WriteAllText(empty.Combine("notes.txt"), "not a project\n");
        Assert.Empty(ProjectDetectors.DetectAll(new ProjectFolder(empty.Path)));
    }

    [Fact]
    public void Crate_without_Cargo_lock_is_a_problem_naming_the_fix()
    {
        using var copy = TempFolder.Create("init-nolock");
        InitLayouts.CopyTo(TestRepository.Root, "rust-bin-renamed", copy.Path);
        File.Delete(copy.Combine("Cargo.lock"));
        var detection = Assert.Single(ProjectDetectors.DetectAll(new ProjectFolder(copy.Path)));
        Assert.Equal(
            ["Cargo.lock is missing: run `cargo generate-lockfile` and commit it (both Dockerfiles build with --locked)."],
            detection.Problems);
    }

    [Fact]
    public void Node_project_with_main_missing_falls_back_to_the_start_script_and_notes_the_missing_lock_file()
    {
        var detection = Assert.Single(ProjectDetectors.DetectAll(Folder("node-start-script")));
        Assert.Contains(detection.Notes, n => n.StartsWith("No package-lock.json: the build runs npm install", StringComparison.Ordinal));
    }

    [Fact]
    public void Solution_folder_picks_the_web_project_not_the_test_project()
    {
        var detection = Assert.Single(ProjectDetectors.DetectAll(Folder("dotnet-solution")));
        Assert.Equal(["Shop.sln", "src/Shop.Web/Shop.Web.csproj"], detection.Markers);
    }

    [Fact]
    public void Subfolders_of_a_folder_without_a_solution_are_not_searched_for_project_files()
    {
        // A parent of many projects (a home or a workspace folder) is not itself a .NET project.
        var detection = ProjectDetectors.For("dotnet")!.Detect(new ProjectFolder(InitLayouts.Directory(TestRepository.Root)));
        Assert.Null(detection);
    }

    private static string Show(IReadOnlyDictionary<string, string> values) => string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
}
