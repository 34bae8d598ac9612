namespace Multistage.Core.Templates;

/// <summary>Where a command's template folders come from. Commands say it in --help and in every
/// report, so a figure or a seeded course can be traced to the templates that made it.</summary>
public enum TemplateSourceKind
{
    /// <summary>The folder the user passed with --templates.</summary>
    Option,

    /// <summary>The templates/ folder of the clone the tool was built in (dotnet run, the tests).</summary>
    Repository,

    /// <summary>The copy the installed tool carries beside its own assembly.</summary>
    Bundled,
}

/// <summary>A folder holding one template folder per language, and why it was chosen.</summary>
public sealed record TemplateSource(TemplateSourceKind Kind, string Directory)
{
    public string Description => Kind switch
    {
        TemplateSourceKind.Option => $"the folder given by --templates ({Directory})",
        TemplateSourceKind.Repository => $"the clone's own template folders ({Directory})",
        _ => $"the templates bundled with the tool ({Directory})",
    };
}
