using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>Reads every templates/*/.template.config/multistage.json: the only list of languages there is.</summary>
public static class TemplateCatalog
{
    public const string MetadataFileName = "multistage.json";

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The pack's templates, found from a folder inside the repository (default: the current one).</summary>
    public static IReadOnlyList<TemplateMetadata> LoadRepository(string? startDirectory = null) =>
        Load(RepositoryLayout.TemplatesDirectory(RepositoryLayout.FindRoot(startDirectory)));

    /// <summary>
    /// One entry per folder under <paramref name="templatesDirectory"/>, sorted by language. A folder without
    /// multistage.json, or a file with a missing or mistyped field, throws naming the file and the field.
    /// </summary>
    public static IReadOnlyList<TemplateMetadata> Load(string templatesDirectory)
    {
        if (!Directory.Exists(templatesDirectory))
        {
            throw new DirectoryNotFoundException(
                $"Templates folder '{templatesDirectory}' does not exist. Pass RepositoryLayout.TemplatesDirectory(root).");
        }
        return Directory.GetDirectories(templatesDirectory)
            .Select(folder => LoadOne(Path.GetFullPath(folder)))
            .OrderBy(template => template.Language, StringComparer.Ordinal)
            .ToList();
    }

    private static TemplateMetadata LoadOne(string folder)
    {
        var file = Path.Combine(folder, ".template.config", MetadataFileName);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException(
                $"{file} is missing: every folder under templates/ is a template and needs one. " +
                "Add it (schema in CONTRIBUTING.md) or move the folder out of templates/.",
                file);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{file}: not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }

        using (document)
        {
            return Parse(new MetadataReader(file), document.RootElement, folder);
        }
    }

    private static TemplateMetadata Parse(MetadataReader read, JsonElement root, string folder)
    {
        var language = read.String(root, "", "language");
        var folderName = Path.GetFileName(folder);
        if (language != folderName)
        {
            throw read.Error("language", $"is '{language}' but the folder is '{folderName}'; they must be equal");
        }

        var runtimesElement = read.Property(root, "", "runtimes");
        if (runtimesElement.ValueKind != JsonValueKind.Object || !runtimesElement.EnumerateObject().Any())
        {
            throw read.Error("runtimes", "must be an object with at least one runtime choice");
        }
        var runtimes = new SortedDictionary<string, RuntimeChoice>(StringComparer.Ordinal);
        foreach (var entry in runtimesElement.EnumerateObject())
        {
            var path = $"runtimes.{entry.Name}";
            runtimes[entry.Name] = new RuntimeChoice(
                entry.Name,
                read.String(entry.Value, path, "builderImage"),
                read.String(entry.Value, path, "runtimeImage"),
                read.Boolean(entry.Value, path, "shell"),
                read.NullableString(entry.Value, path, "packageManager"),
                read.String(entry.Value, path, "artifactPath"),
                read.NullableString(entry.Value, path, "needsRegistry"));
        }

        var defaultRuntime = read.String(root, "", "defaultRuntime");
        if (!runtimes.ContainsKey(defaultRuntime))
        {
            throw read.Error("defaultRuntime", $"is '{defaultRuntime}', which is not a key of 'runtimes' ({string.Join(", ", runtimes.Keys)})");
        }

        return new TemplateMetadata(
            language,
            read.String(root, "", "displayName"),
            read.String(root, "", "identity"),
            read.String(root, "", "shortName"),
            read.Port(root, "", "defaultPort"),
            read.String(root, "", "singleStageImage"),
            defaultRuntime,
            runtimes,
            read.StringArray(root, "", "forbiddenPaths"),
            read.String(root, "", "dependencyStep"),
            read.String(root, "", "sourceFile"),
            read.NullableString(root, "", "packageIndexBuildArg"),
            read.Fraction(root, "", "maxSizeRatio",
                "the largest allowed multi-stage/single-stage size ratio, e.g. 0.05 (docs/comparison.md has measured ratios)"),
            read.StringArray(root, "", "pitfalls"))
        {
            FolderPath = folder,
            SourceCheck = read.String(root, "", "sourceCheck"),
            SourceRun = read.String(root, "", "sourceRun"),
        };
    }
}
