using System.ComponentModel;
using Spectre.Console.Cli;

namespace Multistage.Cli.Templates;

/// <summary>The options every command that builds images shares: the templates, and build arguments.</summary>
public abstract class ImageBuildSettings : TemplateSettings
{
    [CommandOption("--build-arg <KEY=VALUE>")]
    [Description("A build argument for every build, e.g. PIP_INDEX_URL=http://mirror/simple/ behind a private index. Repeatable.")]
    public string[] BuildArguments { get; init; } = [];

    /// <summary>The command's own options (output paths, numbers), checked with --build-arg before any work starts.</summary>
    protected virtual string? InputProblem() => null;

    public sealed override Spectre.Console.ValidationResult Validate() =>
        (BuildArgumentOption.Problem(BuildArguments) ?? InputProblem()) is { } problem
            ? Spectre.Console.ValidationResult.Error(problem)
            : Spectre.Console.ValidationResult.Success();
}
