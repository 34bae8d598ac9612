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
/// templates/&lt;language&gt;/.template.config/pitfalls.json, the one place a template's pitfalls are written.
/// A lesson that cannot be shown here says why in <see cref="NotReproducible"/>; it keeps its why and fix
/// (and its edits and symptom when it has them) so the gallery still teaches it.
/// </summary>
/// <param name="Edits">The change that makes the pitfall; empty for a lesson with nothing to run.</param>
/// <param name="Phase">Where the symptom shows; null only for a lesson that is not reproducible.</param>
/// <param name="Symptom">Text the observed result contains when the pitfall shows (case-insensitive).</param>
/// <param name="NotReproducible">Why it cannot be reproduced on this machine (it needs a registry, or it
/// is a lesson with no failure to run), or null.</param>
public sealed record Pitfall(
    string Name,
    string Title,
    string? Runtime,
    IReadOnlyList<PitfallEdit>? Edits,
    PitfallPhase? Phase,
    string? Symptom,
    string Why,
    string Fix,
    string? NotReproducible = null)
{
    public const string FileName = "pitfalls.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>True when the entry is a failure to run (it may still need a registry through its runtime).</summary>
    public bool Reproducible => NotReproducible is null;

    /// <summary>The runtime its sample is made with: its own, or the template's default.</summary>
    public string RuntimeOf(TemplateMetadata template) => Runtime ?? template.DefaultRuntime;

    /// <summary>Why `multistage pitfalls` cannot show it here: its own reason, or its runtime's needsRegistry
    /// (kept in multistage.json, not repeated per pitfall); null when it can.</summary>
    public string? NotReproducibleReason(TemplateMetadata template) =>
        NotReproducible ?? template.Runtimes.GetValueOrDefault(RuntimeOf(template))?.NeedsRegistry;

    /// <summary>The template's pitfalls (none when it lists none); a broken file throws naming it.</summary>
    public static IReadOnlyList<Pitfall> LoadFor(TemplateMetadata template)
    {
        var file = Path.Combine(template.FolderPath, ".template.config", FileName);
        if (!File.Exists(file))
        {
            return [];
        }

        List<Pitfall> pitfalls;
        try
        {
            pitfalls = JsonSerializer.Deserialize<List<Pitfall>>(File.ReadAllText(file), JsonOptions) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pitfall in pitfalls)
        {
            if (pitfall.Problem(template, names) is { } problem)
            {
                throw new InvalidDataException($"{file}: pitfall '{pitfall.Name}' {problem}.");
            }
        }

        return pitfalls;
    }

    /// <summary>What is wrong with the entry, or null; <paramref name="names"/> collects the names seen.</summary>
    private string? Problem(TemplateMetadata template, HashSet<string> names)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            return "needs a name of lower-case letters, digits and '-' (it names the pitfall's folder)";
        }

        if (!names.Add(Name))
        {
            return "is listed twice; give each pitfall its own name";
        }

        if (string.IsNullOrWhiteSpace(Title) || string.IsNullOrWhiteSpace(Why) || string.IsNullOrWhiteSpace(Fix))
        {
            return "needs a title, a why and a fix";
        }

        if (Runtime is not null && !template.Runtimes.ContainsKey(Runtime))
        {
            return $"has runtime '{Runtime}'; use one of {string.Join(", ", template.Runtimes.Keys)} or null for the default";
        }

        if (Reproducible && (Edits is not { Count: > 0 } || Phase is null || string.IsNullOrWhiteSpace(Symptom)))
        {
            return "needs at least one edit, a phase and a symptom, or a notReproducible reason";
        }

        return Edits is { Count: > 0 } && (Phase is null || string.IsNullOrWhiteSpace(Symptom))
            ? "has edits, so it needs the phase and symptom they show"
            : null;
    }

    /// <summary>Applies the edits to a sample folder; an edit whose text is not there throws, so a
    /// template change that breaks a pitfall is noticed instead of silently reproducing nothing.</summary>
    public void ApplyTo(string sampleDirectory)
    {
        foreach (var edit in Edits ?? [])
        {
            edit.ApplyTo(sampleDirectory, $"Pitfall '{Name}'", FileName);
        }
    }
}
