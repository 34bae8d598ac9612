using System.Text.Json;
using System.Text.Json.Serialization;
using Multistage.Core.Templates;

namespace Multistage.Core.Pipeline;

/// <summary>Where a pitfall shows itself: the step of the pipeline that fails, or the figure that is wrong.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PitfallPhase>))]
public enum PitfallPhase
{
    /// <summary>`docker build` fails.</summary>
    Build,

    /// <summary>The container does not start, or exits before it is healthy.</summary>
    Start,

    /// <summary>It runs but does not answer.</summary>
    Probe,

    /// <summary>`docker stop` has to kill it.</summary>
    Stop,

    /// <summary>A source-only change reruns the dependency step.</summary>
    Cache,

    /// <summary>The final image is above the language's size ratio.</summary>
    Size,
}

/// <summary>One text edit that turns the sample into the pitfall (compare's claim builds reuse it: a
/// build without `-w -s`, say).</summary>
public sealed record PitfallEdit(string File, string Find, string Replace)
{
    /// <summary>Whether the sample holds the text to change.</summary>
    public bool FindsIn(string sampleDirectory)
    {
        var path = Path.Combine(sampleDirectory, File);
        return System.IO.File.Exists(path) && System.IO.File.ReadAllText(path).Contains(Find, StringComparison.Ordinal);
    }

    /// <summary>Applies the edit; text that is not there throws, naming <paramref name="owner"/> and the
    /// file (<paramref name="statedIn"/>) where the edit is to be updated.</summary>
    public void ApplyTo(string sampleDirectory, string owner, string statedIn)
    {
        if (!FindsIn(sampleDirectory))
        {
            throw new InvalidDataException($"{owner}: {File} holds no \"{Find}\" to change; update its edit in {statedIn}.");
        }

        var path = Path.Combine(sampleDirectory, File);
        System.IO.File.WriteAllText(path, System.IO.File.ReadAllText(path).Replace(Find, Replace, StringComparison.Ordinal));
    }
}

/// <summary>
/// A failure the course notes describe, made runnable: the sample (with <see cref="Runtime"/>) with one
/// deliberate change, and the symptom it must show. Listed per language in
/// templates/&lt;language&gt;/.template.config/pitfalls.json.
/// </summary>
/// <param name="Symptom">Text the observed result contains when the pitfall shows (case-insensitive).</param>
/// <param name="NeedsRegistry">Why it cannot be reproduced without registry access, or null.</param>
public sealed record Pitfall(
    string Name,
    string Title,
    string? Runtime,
    IReadOnlyList<PitfallEdit> Edits,
    PitfallPhase Phase,
    string Symptom,
    string Why,
    string Fix,
    string? NeedsRegistry = null)
{
    public const string FileName = "pitfalls.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The template's pitfalls (none when it lists none); a broken file throws naming it.</summary>
    public static IReadOnlyList<Pitfall> LoadFor(TemplateMetadata template)
    {
        var file = Path.Combine(template.FolderPath, ".template.config", FileName);
        if (!File.Exists(file))
        {
            return [];
        }

        try
        {
            var pitfalls = JsonSerializer.Deserialize<List<Pitfall>>(File.ReadAllText(file), JsonOptions) ?? [];
            var bad = pitfalls.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Name) || p.Edits is not { Count: > 0 } || string.IsNullOrWhiteSpace(p.Symptom)
                                                   || (p.Runtime is not null && !template.Runtimes.ContainsKey(p.Runtime)));
            return bad is null
                ? pitfalls
                : throw new InvalidDataException($"{file}: pitfall '{bad.Name}' needs a name, at least one edit, a symptom and a runtime among {string.Join(", ", template.Runtimes.Keys)}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }
    }

    /// <summary>Applies the edits to a sample folder; an edit whose text is not there throws, so a
    /// template change that breaks a pitfall is noticed instead of silently reproducing nothing.</summary>
    public void ApplyTo(string sampleDirectory)
    {
        foreach (var edit in Edits)
        {
            edit.ApplyTo(sampleDirectory, $"Pitfall '{Name}'", FileName);
        }
    }
}
