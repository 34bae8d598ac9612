using Multistage.Core.Docker;
using Multistage.Core.Dockerize;

namespace Multistage.Core.Templates;

/// <summary>The base images of one runtime choice: the multi-stage Dockerfile's first and final stages.</summary>
public sealed record StageImages(string Builder, string Runtime);

/// <summary>
/// The base images a template's Dockerfiles name, read from their FROM lines as the engine renders them for
/// each runtime choice (the other symbols at the project template's values, the toolchain version at its
/// default, the base image lines at their constants' values): the files are the one place images are written,
/// template.json's symbols the one place their versions are. They live in the item template
/// (<see cref="ItemTemplate.FolderName"/>), which the project template takes its Docker files from.
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
            : throw new InvalidDataException($"{Path.Combine(templateFolder, ItemTemplate.FolderName, MultiStageFile)}: no FROM line for runtime '{runtime}'; every runtime choice needs one.");
    }

    /// <summary>The one image of Dockerfile.single, rendered with the default runtime.</summary>
    public static string SingleStage(string templateFolder, TemplateDefinition definition)
    {
        var stages = Stages(templateFolder, SingleStageFile, definition, definition.DefaultRuntime);
        return stages.Count == 1
            ? stages[0].Image
            : throw new InvalidDataException($"{Path.Combine(templateFolder, ItemTemplate.FolderName, SingleStageFile)}: {stages.Count} FROM lines; the single-stage Dockerfile has exactly one.");
    }

    private static IReadOnlyList<DockerfileStage> Stages(string templateFolder, string fileName, TemplateDefinition definition, string runtime)
    {
        var file = Path.Combine(templateFolder, ItemTemplate.FolderName, fileName);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file} is missing: every template's item template ({ItemTemplate.FolderName}/) carries {MultiStageFile} and {SingleStageFile}.", file);
        }
        // The item template's defaults for the symbols the project template does not set, then the project
        // template's values (the sample's), as `dotnet new` of the project template renders these files.
        var symbols = new Dictionary<string, string>(TemplateDefinition.Load(Path.GetDirectoryName(file)!).SymbolValues, StringComparer.Ordinal);
        foreach (var (name, value) in definition.SymbolValues)
        {
            symbols[name] = value;
        }
        symbols[TemplateDefinition.RuntimeSymbol] = runtime;
        var kept = ConditionalLines.Keep(File.ReadAllText(file), symbols, file);
        return DockerfileStages.Parse(definition.Render(kept));
    }
}
