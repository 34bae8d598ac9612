namespace Multistage.Core.Templates;

/// <summary>
/// Picks the template folders a command uses: --templates if given; else, when the tool runs from a build
/// inside a clone, that clone's templates/ (so a contributor's edits count at once); else the copy the
/// installed tool carries in templates/ beside its assembly.
/// </summary>
public static class TemplateSourceResolver
{
    /// <summary>The folder, beside multistage.dll, that the tool package carries the templates in.</summary>
    public const string BundledFolderName = "templates";

    /// <exception cref="TemplateSourceException">The option names no usable folder, or no default exists.</exception>
    public static TemplateSource Resolve(string? templatesOption, string toolDirectory)
    {
        if (templatesOption is not null)
        {
            return new TemplateSource(TemplateSourceKind.Option, CheckOption(templatesOption));
        }

        return FindDefault(toolDirectory) ?? throw new TemplateSourceException(
            $"No templates found: {toolDirectory} is neither inside a clone of the repository nor holds a {BundledFolderName}/ folder. " +
            "Reinstall the tool (dotnet tool install --global Multistage.Cli) or pass --templates DIR.");
    }

    /// <summary>What <see cref="Resolve"/> picks without --templates, or null when there is nothing to pick.</summary>
    public static TemplateSource? FindDefault(string toolDirectory)
    {
        var root = RepositoryLayout.TryFindRoot(toolDirectory);
        if (root is not null)
        {
            return new TemplateSource(TemplateSourceKind.Repository, RepositoryLayout.TemplatesDirectory(root));
        }

        var bundled = Path.Combine(Path.GetFullPath(toolDirectory), BundledFolderName);
        return System.IO.Directory.Exists(bundled) ? new TemplateSource(TemplateSourceKind.Bundled, bundled) : null;
    }

    private static string CheckOption(string option)
    {
        const string expected = "a folder holding one template folder per language, each with .template.config/" + TemplateCatalog.MetadataFileName + " (a clone's templates/, for example)";
        if (option.Trim().Length == 0)
        {
            throw new TemplateSourceException($"--templates is empty: pass {expected}.");
        }

        var folder = Path.GetFullPath(option);

        if (!System.IO.Directory.Exists(folder))
        {
            throw new TemplateSourceException($"--templates {option}: there is no folder {folder}. Pass {expected}.");
        }

        if (System.IO.Directory.Exists(Path.Combine(folder, ".template.config")))
        {
            throw new TemplateSourceException(
                $"--templates {option} is one template, not a set of them: pass its parent folder, {Path.GetDirectoryName(folder)}.");
        }

        if (System.IO.Directory.GetDirectories(folder).Length == 0)
        {
            throw new TemplateSourceException($"--templates {option} holds no template folder: pass {expected}.");
        }

        return folder;
    }
}

/// <summary>Bad --templates input, or no templates at all; the message names the problem and the fix.</summary>
public sealed class TemplateSourceException(string message) : Exception(message);
