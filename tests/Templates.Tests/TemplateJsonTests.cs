using System.Text.Json;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>Every template.json is well-formed, complete, documented, and distinct from the others.</summary>
public sealed class TemplateJsonTests
{
    private static readonly string[] RequiredStrings = ["identity", "name", "sourceName", "author"];

    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public void Template_json_parses_and_has_the_required_fields(string language)
    {
        var json = Load(language);
        var problems = new List<string>();
        foreach (var field in RequiredStrings)
        {
            if (string.IsNullOrWhiteSpace(json.GetString(field)))
            {
                problems.Add($"'{field}' is missing or empty");
            }
        }
        if (json.ShortNames() is not { Count: > 0 } shortNames || shortNames.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("'shortName' is missing or empty");
        }
        if (!json.Root.TryGetProperty("classifications", out var classifications)
            || classifications.ValueKind != JsonValueKind.Array || classifications.GetArrayLength() == 0)
        {
            problems.Add("'classifications' is missing or not a non-empty array");
        }
        foreach (var tag in new[] { "language", "type" })
        {
            if (!json.Root.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Object
                || !tags.TryGetProperty(tag, out var value) || string.IsNullOrWhiteSpace(value.GetString()))
            {
                problems.Add($"'tags.{tag}' is missing or empty");
            }
        }
        Assert.True(problems.Count == 0, $"{json.Path}:\n  {string.Join("\n  ", problems)}");
    }

    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public void Every_template_json_parameter_and_choice_has_a_description(string language)
    {
        var json = Load(language);
        var missing = new List<string>();
        foreach (var symbol in json.Symbols())
        {
            if (!IsParameter(symbol.Value))
            {
                continue;
            }
            if (!HasDescription(symbol.Value))
            {
                missing.Add($"symbols.{symbol.Name}");
            }
            if (symbol.Value.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
            {
                foreach (var choice in choices.EnumerateArray())
                {
                    if (!HasDescription(choice))
                    {
                        var label = choice.TryGetProperty("choice", out var name) ? name.ToString() : "?";
                        missing.Add($"symbols.{symbol.Name}.choices[{label}]");
                    }
                }
            }
        }
        Assert.True(
            missing.Count == 0,
            $"{json.Path}: these have no (or an empty) \"description\", which users see in `dotnet new <template> --help`:\n  " +
            string.Join("\n  ", missing));
    }

    [Fact]
    public void Identities_group_identities_and_short_names_are_unique_across_templates()
    {
        var templates = RepositoryData.TemplateFolderNames().Select(Load).ToList();
        var duplicates = new List<string>();
        duplicates.AddRange(Duplicates("identity", templates.Select(t => (t, t.GetString("identity")))));
        duplicates.AddRange(Duplicates("groupIdentity", templates.Select(t => (t, t.GetString("groupIdentity")))));
        duplicates.AddRange(Duplicates("shortName", templates.SelectMany(t => t.ShortNames().Select(s => (t, (string?)s)))));
        Assert.True(duplicates.Count == 0, "Values that must be unique across templates:\n  " + string.Join("\n  ", duplicates));
    }

    private static TemplateJson Load(string language) =>
        TemplateJson.Load(Path.Combine(TestRepository.TemplatesDirectory, language));

    private static bool IsParameter(JsonElement symbol) =>
        symbol.TryGetProperty("type", out var type) && type.GetString() == "parameter";

    private static bool HasDescription(JsonElement element) =>
        element.TryGetProperty("description", out var description)
        && description.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(description.GetString());

    private static IEnumerable<string> Duplicates(string field, IEnumerable<(TemplateJson File, string? Value)> values) =>
        values.Where(v => v.Value is not null)
            .GroupBy(v => v.Value!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{field} '{g.Key}' in {string.Join(" and ", g.Select(v => v.File.Path))}");
}
