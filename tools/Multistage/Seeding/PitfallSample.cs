using System.Text.Json;
using Multistage.Cli.Rendering;
using Multistage.Core.Pipeline;

namespace Multistage.Cli.Seeding;

/// <summary>
/// A pitfall as a course holds it: pitfalls/&lt;language&gt;-&lt;name&gt;/ is the sample with the pitfall's edit,
/// a README (what you will see, the change, why, the fix) and pitfall.json, the symptom that
/// `multistage pitfalls` expects. A lesson with nothing to run gets the README and pitfall.json only.
/// </summary>
public static class PitfallSample
{
    public const string FolderName = "pitfalls";
    public const string ExpectationFile = "pitfall.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Folder(LanguagePlan language, Pitfall pitfall) => Path.Combine(FolderName, $"{language.Template.Language}-{pitfall.Name}");

    /// <summary>Edits the freshly made sample in <paramref name="directory"/> (if the pitfall has edits) and
    /// writes the two files beside it.</summary>
    public static async Task CompleteAsync(string directory, LanguagePlan language, Pitfall pitfall, CancellationToken ct)
    {
        pitfall.ApplyTo(directory);
        Directory.CreateDirectory(directory);
        var model = new
        {
            pitfall.Name,
            Folder = Path.GetFileName(Folder(language, pitfall)),
            pitfall.Title,
            language.Template.DisplayName,
            language.Port,
            SymptomSentence = pitfall.Phase is { } phase ? SymptomSentence(phase) : null,
            pitfall.Symptom,
            Edits = pitfall.Edits ?? [],
            NotReproducible = pitfall.NotReproducibleReason(language.Template),
            pitfall.Why,
            pitfall.Fix,
        };
        await File.WriteAllTextAsync(Path.Combine(directory, "README.md"), CourseFileRenderer.Render("pitfall.md", model), ct);
        var expectation = new PitfallExpectation(pitfall.Name, language.Template.Language, pitfall.Title, pitfall.Phase, pitfall.Symptom, pitfall.NotReproducibleReason(language.Template));
        await File.WriteAllTextAsync(Path.Combine(directory, ExpectationFile), JsonSerializer.Serialize(expectation, JsonOptions) + "\n", ct);
    }

    private static string SymptomSentence(PitfallPhase phase) => phase switch
    {
        PitfallPhase.Build => "`docker build` fails",
        PitfallPhase.Start => "The container does not start, or exits at once",
        PitfallPhase.Probe => "The container runs but does not answer",
        PitfallPhase.Stop => "`docker stop` waits 10 s and then kills it",
        PitfallPhase.Cache => "After a change to a source file only, the dependency step runs again",
        _ => "The final image is a large share of the single-stage one",
    };
}

/// <summary>pitfall.json: what `multistage pitfalls` expects of the folder.</summary>
/// <param name="NotReproducible">Why `multistage pitfalls` cannot show it here; it then lists it as such.</param>
public sealed record PitfallExpectation(string Name, string Language, string Title, PitfallPhase? Phase, string? Symptom, string? NotReproducible);
