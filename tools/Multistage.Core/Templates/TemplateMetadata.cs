namespace Multistage.Core.Templates;

/// <summary>
/// A final-stage choice: its name and description (template.json's runtime choices), the images it builds
/// from (the Dockerfile's FROM lines) and what only multistage.json's "runtimes" entry says.
/// </summary>
public sealed record RuntimeChoice(
    string Name,
    string BuilderImage,
    string RuntimeImage,
    bool Shell,
    string? PackageManager,
    string ArtifactPath,
    string? NeedsRegistry,
    string Description);

/// <summary>
/// A template's facts, each read from the one file that states it (see <see cref="TemplateCatalog"/>):
/// template.json (identity, short name, port, runtimes, toolchain), the Dockerfiles (images) and
/// multistage.json (everything else; schema: CONTRIBUTING.md). Its pitfalls and lessons are in
/// pitfalls.json beside it (Pipeline/Pitfall.cs).
/// </summary>
public sealed record TemplateMetadata(
    string Language,
    string DisplayName,
    string Identity,
    string ShortName,
    int DefaultPort,
    string SingleStageImage,
    string DefaultRuntime,
    IReadOnlyDictionary<string, RuntimeChoice> Runtimes,
    IReadOnlyList<string> ForbiddenPaths,
    string DependencyStep,
    string SourceFile,
    string? PackageIndexBuildArg,
    double MaxSizeRatio)
{
    /// <summary>Absolute path of templates/&lt;language&gt;.</summary>
    public required string FolderPath { get; init; }

    /// <summary>
    /// A shell command that compiles or parses a generated project's sources, run in the project folder
    /// inside <see cref="SingleStageImage"/> with no network and HOME=/tmp (the project-name checks).
    /// </summary>
    public required string SourceCheck { get; init; }

    /// <summary>A shell command that starts the app from what <see cref="SourceCheck"/> left, in the same place.</summary>
    public required string SourceRun { get; init; }

    /// <summary>The toolchain version parameter of template.json, or null when the template has none.</summary>
    public ToolchainSymbol? Toolchain { get; init; }

    /// <summary>Absolute path of the template's .template.config folder.</summary>
    public string ConfigDirectory => Path.Combine(FolderPath, ".template.config");

    public RuntimeChoice DefaultRuntimeChoice => Runtimes[DefaultRuntime];
}
