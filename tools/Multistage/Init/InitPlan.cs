using Multistage.Core.Dockerize;

namespace Multistage.Cli.Init;

/// <summary>One option init passes to the item template, and where its value came from (a project
/// file, a flag), so the user sees why.</summary>
public sealed record PlannedValue(string Option, string Value, string From);

/// <summary>Everything <c>init</c> will do, decided before anything is written.</summary>
public sealed record InitPlan(
    string Directory,
    ItemTemplate Template,
    ProjectDetection? Detection,
    string Name,
    string NameFrom,
    IReadOnlyList<PlannedValue> Values,
    bool DryRun)
{
    /// <summary>The Compose file of the user's own that is already there (compose.yaml, docker-compose.yml, ...),
    /// or null. init never shadows or replaces it: its own goes to <see cref="InitFiles.BesideUserCompose"/>.</summary>
    public string? UserCompose { get; init; }

    /// <summary>Where each file the item template writes goes in the project.</summary>
    public string Target(string templateFile) =>
        templateFile == InitFiles.Compose && UserCompose is not null ? InitFiles.BesideUserCompose : templateFile;

    /// <summary>Every option's value as the item template will use it: what init chose or was given, else the template's default.</summary>
    public IReadOnlyDictionary<string, string> EffectiveValues =>
        Template.ValuesWith(Values.Select(v => KeyValuePair.Create(v.Option, v.Value)));

    /// <summary>The `dotnet new` options of this plan: the name, then every value init chose or was given.</summary>
    public IReadOnlyList<string> TemplateArguments =>
        ["-n", Name, .. Values.SelectMany(v => new[] { $"--{v.Option}", v.Value })];

    /// <summary>The same run as a command the user can paste.</summary>
    public string DotnetNewLine =>
        $"dotnet new {Template.ShortName} {ShellWord.Join(TemplateArguments)}";
}
