using System.Text.Json;

namespace Multistage.Core.Templates;

/// <summary>
/// Reads every template folder under templates/ (the only list of languages there is) into one
/// <see cref="TemplateMetadata"/>, taking each fact from the one file that states it: template.json for
/// identity, short name, default port, runtime choices and toolchain version; the Dockerfiles' FROM lines
/// for the base images; .template.config/multistage.json for what no template file says (forbidden
/// paths, artifact path, shell, dependency step, size ratio, package index build argument, source checks).
/// </summary>
public static class TemplateCatalog
{
    public const string MetadataFileName = "multistage.json";

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

        var document = JsonFile.Parse(file);

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

        // The pitfalls moved to pitfalls.json; an old list here would otherwise be dropped without a word.
        if (root.TryGetProperty("pitfalls", out _))
        {
            throw read.Error("pitfalls", "is no longer read here; move each entry to .template.config/pitfalls.json (schema in CONTRIBUTING.md)");
        }

        var definition = TemplateDefinition.Load(folder);
        var runtimesElement = read.Property(root, "", "runtimes");
        if (runtimesElement.ValueKind != JsonValueKind.Object)
        {
            throw read.Error("runtimes", "must be an object with one entry per runtime choice of template.json");
        }
        // The choices are template.json's; multistage.json adds what only it knows about each, so the two
        // must name the same runtimes.
        var entries = runtimesElement.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        var choices = definition.Runtimes.Select(c => c.Choice).Order(StringComparer.Ordinal).ToList();
        if (!entries.SequenceEqual(choices))
        {
            throw read.Error("runtimes", $"has entries [{string.Join(", ", entries)}] but template.json's runtime choices are [{string.Join(", ", choices)}]; give each choice one entry");
        }

        var runtimes = new SortedDictionary<string, RuntimeChoice>(StringComparer.Ordinal);
        foreach (var choice in definition.Runtimes)
        {
            var path = $"runtimes.{choice.Choice}";
            var entry = runtimesElement.GetProperty(choice.Choice);
            var images = TemplateImages.ForRuntime(folder, definition, choice.Choice);
            runtimes[choice.Choice] = new RuntimeChoice(
                choice.Choice,
                images.Builder,
                images.Runtime,
                read.Boolean(entry, path, "shell"),
                read.NullableString(entry, path, "packageManager"),
                read.String(entry, path, "artifactPath"),
                read.NullableString(entry, path, "needsRegistry"),
                choice.Description);
        }

        return new TemplateMetadata(
            language,
            read.String(root, "", "displayName"),
            definition.Identity,
            definition.ShortName,
            definition.DefaultPort,
            TemplateImages.SingleStage(folder, definition),
            definition.DefaultRuntime,
            runtimes,
            read.StringArray(root, "", "forbiddenPaths"),
            read.String(root, "", "dependencyStep"),
            read.String(root, "", "sourceFile"),
            read.NullableString(root, "", "packageIndexBuildArg"),
            read.Fraction(root, "", "maxSizeRatio",
                "the largest allowed multi-stage/single-stage size ratio, e.g. 0.05 (docs/comparison.md has measured ratios)"))
        {
            FolderPath = folder,
            SourceCheck = read.String(root, "", "sourceCheck"),
            SourceRun = read.String(root, "", "sourceRun"),
            Toolchain = definition.Toolchain,
        };
    }
}
