using Multistage.Core.Dockerize;
using Multistage.Core.Templates;

namespace Templates.Tests.Infrastructure;

/// <summary>One `dotnet new` run to snapshot: a template, the runtime it renders, and the options that select it.</summary>
public sealed record Scenario(string Name, TemplateMetadata Template, string Runtime, IReadOnlyList<string> Options)
{
    /// <summary>The project name used wherever the scenario is not about names, so output is deterministic.</summary>
    public const string FixedName = "SampleApp";

    /// <summary>A name with upper case, a dot and a dash: it must still give valid module, package and image names.</summary>
    public const string AwkwardName = "My.Cool-App";

    public const string NonDefaultPort = "9090";

    /// <summary>True when the scenario makes the learner's starter (--exercise): no multi-stage Dockerfile.</summary>
    public bool IsExercise => Options.Contains("--exercise");

    /// <summary>True when the scenario exists to render one runtime choice (defaults or --runtime).</summary>
    public bool SelectsRuntime { get; init; }

    /// <summary>The template `dotnet new` runs: the language's project template, or its item template.</summary>
    public string ShortName { get; init; } = Template.ShortName;

    /// <summary>True for the item template (the Docker files alone, for an existing project).</summary>
    public bool IsItem => ShortName != Template.ShortName;

    /// <summary>
    /// Derived from the metadata alone, no per-language code: defaults, each non-default runtime,
    /// --exercise, a non-default name and port, then the item template with each runtime. Ordered by
    /// template, then as listed here.
    /// </summary>
    public static IReadOnlyList<Scenario> For(IEnumerable<TemplateMetadata> templates)
    {
        var scenarios = new List<Scenario>();
        foreach (var t in templates)
        {
            scenarios.Add(new Scenario($"{t.Language}-defaults", t, t.DefaultRuntime, ["-n", FixedName]) { SelectsRuntime = true });
            foreach (var runtime in t.Runtimes.Keys.Where(r => r != t.DefaultRuntime))
            {
                scenarios.Add(new Scenario($"{t.Language}-runtime-{runtime}", t, runtime, ["-n", FixedName, "--runtime", runtime])
                {
                    SelectsRuntime = true,
                });
            }
            scenarios.Add(new Scenario($"{t.Language}-exercise", t, t.DefaultRuntime, ["-n", FixedName, "--exercise", "true"]));
            scenarios.Add(new Scenario($"{t.Language}-name-and-port", t, t.DefaultRuntime, ["-n", AwkwardName, "--port", NonDefaultPort]));

            // The item template's defaults and each runtime: its FROM lines must match the catalog too.
            var item = ItemTemplate.Load(t.Language, t.FolderPath);
            foreach (var runtime in t.Runtimes.Keys.OrderBy(r => r != t.DefaultRuntime).ThenBy(r => r, StringComparer.Ordinal))
            {
                var name = runtime == t.DefaultRuntime ? $"{t.Language}-dockerfiles-defaults" : $"{t.Language}-dockerfiles-runtime-{runtime}";
                List<string> options = runtime == t.DefaultRuntime ? ["-n", FixedName] : ["-n", FixedName, "--runtime", runtime];
                scenarios.Add(new Scenario(name, t, runtime, options) { SelectsRuntime = true, ShortName = item.ShortName });
            }
        }
        return scenarios;
    }

    public override string ToString() => $"{Name} (dotnet new {ShortName} {string.Join(' ', Options)})";
}
