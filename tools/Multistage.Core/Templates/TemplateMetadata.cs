namespace Multistage.Core.Templates;

/// <summary>One entry of multistage.json's "runtimes": a final-stage choice and the images it builds from.</summary>
public sealed record RuntimeChoice(
    string Name,
    string BuilderImage,
    string RuntimeImage,
    bool Shell,
    string? PackageManager,
    string ArtifactPath,
    string? NeedsRegistry);

/// <summary>A template's facts from its .template.config/multistage.json (schema: CONTRIBUTING.md). Its
/// pitfalls and lessons are in pitfalls.json beside it (Pipeline/Pitfall.cs).</summary>
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

    /// <summary>Absolute path of the template's .template.config folder.</summary>
    public string ConfigDirectory => Path.Combine(FolderPath, ".template.config");

    public RuntimeChoice DefaultRuntimeChoice => Runtimes[DefaultRuntime];
}
