using System.Text.RegularExpressions;

namespace Multistage.Core.Templates;

/// <summary>
/// One symbol's replacement, as the engine does it: the marker it replaces (its `replaces`), the texts it must
/// follow (its onlyIf "after" values; none means everywhere) and the steps that turn the symbol's value into
/// what it writes (a derived symbol's valueTransform, as regular-expression replacements; none otherwise).
/// The toolchain version and the base image lines (<see cref="ConstantSymbol"/>) are written this way.
/// </summary>
public sealed record SymbolReplacement(
    string Symbol,
    string Marker,
    IReadOnlyList<string> After,
    IReadOnlyList<FormStep> Transform)
{
    /// <summary>What this symbol writes for <paramref name="value"/> (net10.0 gives 10.0 for an image tag).</summary>
    public string Value(string value) => Transform.Aggregate(value, (current, step) => step.Apply(current));

    public string Apply(string text, string value) =>
        After.Count == 0
            ? text.Replace(Marker, Value(value), StringComparison.Ordinal)
            : After.Aggregate(text, (current, after) => current.Replace(after + Marker, after + Value(value), StringComparison.Ordinal));

    /// <summary>The texts that name <paramref name="value"/> once rendered: where this replacement writes it,
    /// after its onlyIf texts ("alpine:3.23").</summary>
    public IEnumerable<string> Occurrences(string value) =>
        After.Count == 0 ? [Value(value)] : After.Select(after => after + Value(value));
}

/// <summary>A template.json "replace" form: the engine's Regex.Replace of <paramref name="Pattern"/> with <paramref name="Replacement"/>.</summary>
public sealed record FormStep(string Pattern, string Replacement)
{
    public string Apply(string value) => Regex.Replace(value, Pattern, Replacement, RegexOptions.None, TimeSpan.FromSeconds(1));
}
