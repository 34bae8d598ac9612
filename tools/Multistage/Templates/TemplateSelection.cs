using Multistage.Core.Templates;

namespace Multistage.Cli.Templates;

/// <summary>The templates a command works with: where they came from and what they hold.</summary>
public sealed record TemplateSelection(TemplateSource Source, IReadOnlyList<TemplateMetadata> Catalog)
{
    /// <summary>The folder the running tool lives in: a build inside a clone, or the installed tool's store.</summary>
    public static string ToolDirectory => AppContext.BaseDirectory;

    /// <summary>Resolves --templates (or the default) and reads its catalog.</summary>
    /// <exception cref="TemplateSourceException">The folder is missing, empty, or holds a broken template.</exception>
    public static TemplateSelection Load(TemplateSettings settings)
    {
        var source = TemplateSourceResolver.Resolve(settings.Templates, ToolDirectory);
        try
        {
            return new TemplateSelection(source, TemplateCatalog.Load(source.Directory));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // The catalog's message names the file and the field; say which template source it was in.
            throw new TemplateSourceException($"{e.Message} (templates: {source.Description})");
        }
    }

    /// <summary>For --help: the default source, or why there is none.</summary>
    public static string DescribeDefault() =>
        TemplateSourceResolver.FindDefault(ToolDirectory)?.Description ?? "none found (pass --templates DIR)";
}
