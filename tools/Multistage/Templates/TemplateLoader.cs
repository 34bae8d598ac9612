using Multistage.Core.Templates;

namespace Multistage.Cli.Templates;

/// <summary>Finds the templates for a command, from --templates or the tool's own folder: a build inside a
/// clone, or the installed tool's store (a test can pass another folder to play either).</summary>
public sealed class TemplateLoader(string toolDirectory)
{
    /// <summary>The folder the running tool lives in.</summary>
    public static TemplateLoader ForRunningTool() => new(AppContext.BaseDirectory);

    /// <summary>Resolves --templates (or the default) and reads its catalog.</summary>
    /// <exception cref="TemplateSourceException">The folder is missing, empty, or holds a broken template.</exception>
    public TemplateSelection Load(TemplateSettings settings)
    {
        var source = TemplateSourceResolver.Resolve(settings.Templates, toolDirectory);
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
    public string DescribeDefault() =>
        TemplateSourceResolver.FindDefault(toolDirectory)?.Description ?? "none found (pass --templates DIR)";
}
