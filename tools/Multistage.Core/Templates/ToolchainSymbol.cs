namespace Multistage.Core.Templates;

/// <summary>
/// A template's toolchain version parameter (the template.json symbol named <c>&lt;x&gt;Version</c>, such as
/// goVersion): its choices, its default, and the marker text it replaces in the template's files.
/// </summary>
/// <remarks>
/// The default is the one place a version bump edits: the Dockerfiles and the prose keep the marker
/// (<see cref="Marker"/>, e.g. the "1.27" of golang:1.27-trixie), which the engine replaces with the chosen
/// version, so they render the new default without being touched.
/// </remarks>
public sealed record ToolchainSymbol(
    string Name,
    string DefaultValue,
    IReadOnlyList<TemplateChoice> Choices,
    string Marker,
    IReadOnlyList<string> After)
{
    /// <summary>The `dotnet new` option that sets it (dotnetcli.host.json's longName, else the symbol name).</summary>
    public string Option { get; init; } = "--" + Name;

    /// <summary>The symbol names the catalog takes for a toolchain version: goVersion, nodeVersion, ...</summary>
    public const string NameSuffix = "Version";

    /// <summary><paramref name="text"/> as the engine renders it with the default: the marker replaced
    /// where it follows one of the onlyIf "after" texts (everywhere when there are none).</summary>
    public string Apply(string text) => Apply(text, DefaultValue);

    public string Apply(string text, string version) =>
        After.Count == 0
            ? text.Replace(Marker, version, StringComparison.Ordinal)
            : After.Aggregate(text, (current, after) => current.Replace(after + Marker, after + version, StringComparison.Ordinal));
}

/// <summary>One choice of a template.json choice parameter.</summary>
public sealed record TemplateChoice(string Choice, string Description);
