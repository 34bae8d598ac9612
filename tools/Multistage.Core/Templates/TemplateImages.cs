using Multistage.Core.Docker;

namespace Multistage.Core.Templates;

/// <summary>The base images of one runtime choice: the multi-stage Dockerfile's first and final stages.</summary>
public sealed record StageImages(string Builder, string Runtime);

/// <summary>
/// The base images a template's Dockerfiles name, read from their FROM lines as the engine renders them for
/// each runtime choice (other parameters at their defaults, the toolchain version at its default, the base
/// image lines at their constants' values): the files are the one place images are written, template.json's
/// symbols the one place their versions are.
/// </summary>
public static class TemplateImages
{
    public const string MultiStageFile = "Dockerfile";
    public const string SingleStageFile = "Dockerfile.single";

    public static StageImages ForRuntime(string templateFolder, TemplateDefinition definition, string runtime)
    {
        var stages = Stages(templateFolder, MultiStageFile, definition, runtime);
        var bases = stages.Where(s => s.FromStage is null).ToList();
        return bases.Count > 0
            ? new StageImages(bases[0].Image, stages[^1].Image)
            : throw new InvalidDataException($"{Path.Combine(templateFolder, MultiStageFile)}: no FROM line for runtime '{runtime}'; every runtime choice needs one.");
    }

    /// <summary>The one image of Dockerfile.single, rendered with the default runtime.</summary>
    public static string SingleStage(string templateFolder, TemplateDefinition definition)
    {
        var stages = Stages(templateFolder, SingleStageFile, definition, definition.DefaultRuntime);
        return stages.Count == 1
            ? stages[0].Image
            : throw new InvalidDataException($"{Path.Combine(templateFolder, SingleStageFile)}: {stages.Count} FROM lines; the single-stage Dockerfile has exactly one.");
    }

    private static IReadOnlyList<DockerfileStage> Stages(string templateFolder, string fileName, TemplateDefinition definition, string runtime)
    {
        var file = Path.Combine(templateFolder, fileName);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file} is missing: every template carries {MultiStageFile} and {SingleStageFile}.", file);
        }
        var symbols = new Dictionary<string, string>(definition.ParameterDefaults, StringComparer.Ordinal)
        {
            [TemplateDefinition.RuntimeSymbol] = runtime,
        };
        var kept = ConditionalLines.Keep(File.ReadAllText(file), symbols, file);
        return DockerfileStages.Parse(definition.Render(kept));
    }
}
