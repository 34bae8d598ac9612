namespace Multistage.Core.Dockerize;

/// <summary>A value a detector read from the project: the item template option it fills, and the file it came from.</summary>
public sealed record DetectedValue(string Option, string Value, string From);

/// <summary>An option the detector could not settle alone: several candidates (or none), so the user must pick.</summary>
public sealed record Ambiguity(string Option, string What, IReadOnlyList<string> Candidates);

/// <summary>What a detector found in a project folder.</summary>
/// <param name="Markers">The files that made it recognise the project (go.mod, package.json, src/Web/Web.csproj).</param>
/// <param name="Name">The project's own name (module, package, crate, project file), for the image and compose service.</param>
/// <param name="NameFrom">Where the name was read (go.mod, package.json, the folder's name).</param>
/// <param name="Notes">What the user should know: a guess it made, a layout the Dockerfiles do not cover.</param>
/// <param name="Warnings">What makes the image, built as written, not work (a loopback-only bind, a variable the
/// app requires): init writes the files, names the change to make and exits with its "incomplete" status.</param>
/// <param name="Problems">What makes the project unbuildable with these Dockerfiles, each with the fix.</param>
public sealed record ProjectDetection(
    string Language,
    IReadOnlyList<string> Markers,
    string Name,
    string NameFrom,
    IReadOnlyList<DetectedValue> Values,
    IReadOnlyList<Ambiguity> Ambiguities,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Problems)
{
    /// <summary>What the detector found the project to be, for the user ("Python (FastAPI, ASGI)"); null: the
    /// template's display name says it.</summary>
    public string? Kind { get; init; }

    /// <summary>A start for a detector: found by these markers, nothing read yet.</summary>
    public static Builder For(string language, string name, params string[] markers) => new(language, name, markers);

    public sealed class Builder(string language, string name, IReadOnlyList<string> markers)
    {
        private readonly List<DetectedValue> _values = [];
        private readonly List<Ambiguity> _ambiguities = [];
        private readonly List<string> _notes = [];
        private readonly List<string> _warnings = [];
        private readonly List<string> _problems = [];
        private string _nameFrom = markers.Count > 0 ? markers[^1] : "";
        private string? _kind;

        /// <summary>Where the name came from, when not the last marker file.</summary>
        public Builder NamedFrom(string from)
        {
            _nameFrom = from;
            return this;
        }

        /// <summary>What the project is, in the words the user knows it by (its framework).</summary>
        public Builder Describes(string kind)
        {
            _kind = kind;
            return this;
        }

        public Builder Value(string option, string value, string from)
        {
            _values.Add(new DetectedValue(option, value, from));
            return this;
        }

        public Builder Ambiguous(string option, string what, IReadOnlyList<string> candidates)
        {
            _ambiguities.Add(new Ambiguity(option, what, candidates));
            return this;
        }

        public Builder Note(string note)
        {
            _notes.Add(note);
            return this;
        }

        /// <summary>The image will build but not work until the user changes something: say what, where, and how.</summary>
        public Builder Warning(string warning)
        {
            _warnings.Add(warning);
            return this;
        }

        public Builder Problem(string problem)
        {
            _problems.Add(problem);
            return this;
        }

        public ProjectDetection Build() => new(language, markers, name, _nameFrom, _values, _ambiguities, _notes, _warnings, _problems) { Kind = _kind };
    }
}
