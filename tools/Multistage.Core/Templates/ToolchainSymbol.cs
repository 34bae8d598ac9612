namespace Multistage.Core.Templates;

/// <summary>
/// A template's toolchain version parameter: its choices, its default, and every text the engine writes the
/// chosen version into. It is the choice parameter named <c>&lt;x&gt;Version</c> (goVersion), or the choice
/// parameter a derived <c>&lt;x&gt;Version</c> symbol takes its value from (.NET's dotnetVersion, the image tag
/// 10.0 derived from Framework's net10.0, so `dotnet new -f` keeps its convention).
/// </summary>
/// <remarks>
/// The default is the one place a version bump edits: the Dockerfiles and the prose keep the markers
/// (<see cref="SymbolReplacement.Marker"/>, e.g. the "1.27" of golang:1.27-trixie), which the engine replaces
/// with the chosen version, so they render the new default without being touched.
/// </remarks>
public sealed record ToolchainSymbol(
    string Name,
    string DefaultValue,
    IReadOnlyList<TemplateChoice> Choices,
    IReadOnlyList<SymbolReplacement> Replacements)
{
    /// <summary>The `dotnet new` option that sets it (dotnetcli.host.json's longName, else the symbol name).</summary>
    public string Option { get; init; } = "--" + Name;

    /// <summary>The symbol names the catalog takes for a toolchain version: goVersion, nodeVersion, dotnetVersion, ...</summary>
    public const string NameSuffix = "Version";

    /// <summary><paramref name="text"/> as the engine renders it with the default: every marker replaced.</summary>
    public string Apply(string text) => Apply(text, DefaultValue);

    /// <summary><paramref name="text"/> as the engine renders it with <paramref name="version"/> chosen.</summary>
    public string Apply(string text, string version) =>
        Replacements.Aggregate(text, (current, replacement) => replacement.Apply(current, version));

    /// <summary>The texts that name <paramref name="version"/> once rendered ("golang:1.27", "net10.0"): where
    /// each replacement writes it, after its onlyIf texts.</summary>
    public IEnumerable<string> Occurrences(string version) => Replacements.SelectMany(r => r.Occurrences(version));
}

/// <summary>One choice of a template.json choice parameter.</summary>
public sealed record TemplateChoice(string Choice, string Description);
