using Multistage.Core.Templates;

namespace Multistage.Cli.Seeding;

/// <summary>Turns the command line into a <see cref="SeedPlan"/>, collecting every problem at once so a
/// user fixes them in one go. Nothing here touches the disk except to look at the output folder.</summary>
public static class SeedPlanner
{
    public static SeedPlan Plan(SeedSettings settings, IReadOnlyList<TemplateMetadata> catalog)
    {
        var problems = new List<string>();
        var known = catalog.ToDictionary(t => t.Language, StringComparer.OrdinalIgnoreCase);
        var knownList = string.Join(", ", catalog.Select(t => t.Language));

        var templates = ParseLanguages(settings.Languages, catalog, known, knownList, problems);
        var runtimes = ParseRuntimes(settings.Runtimes, templates, known, knownList, problems);
        var mode = ParseMode(settings.Mode, problems);

        var lastPort = (long)settings.PortBase + Math.Max(templates.Count, 1) - 1;
        if (settings.PortBase < 1 || lastPort > 65535)
        {
            problems.Add($"--port-base {settings.PortBase} gives ports {settings.PortBase}-{lastPort} for {templates.Count} language(s); " +
                         $"ports must lie in 1-65535: choose a base between 1 and {65536 - Math.Max(templates.Count, 1)}.");
        }

        var output = Path.GetFullPath(settings.Out);
        if (File.Exists(output))
        {
            problems.Add($"--out {settings.Out} is a file, not a folder: choose another path.");
        }
        else if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !settings.Force)
        {
            problems.Add($"The output folder {output} is not empty: choose an empty or new folder with --out, " +
                         "or pass --force to overwrite the files the generator writes (nothing else is touched).");
        }

        if (problems.Count > 0)
        {
            throw new SeedInputException(problems);
        }

        var languages = templates
            .Select((t, i) => new LanguagePlan(t, runtimes.GetValueOrDefault(t.Language, t.DefaultRuntime), settings.PortBase + i))
            .ToList();
        return new SeedPlan(output, mode, languages, settings.Force);
    }

    private static List<TemplateMetadata> ParseLanguages(
        string? list, IReadOnlyList<TemplateMetadata> catalog, Dictionary<string, TemplateMetadata> known,
        string knownList, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return [.. catalog];
        }

        var chosen = new List<TemplateMetadata>();
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!known.TryGetValue(name, out var template))
            {
                problems.Add($"Unknown language '{name}' in --languages: choose from {knownList}.");
            }
            else if (chosen.Contains(template))
            {
                problems.Add($"Language '{name}' appears twice in --languages: list each language once.");
            }
            else
            {
                chosen.Add(template);
            }
        }

        if (chosen.Count == 0 && problems.Count == 0)
        {
            problems.Add($"--languages names no language: choose from {knownList}.");
        }

        return chosen;
    }

    private static Dictionary<string, string> ParseRuntimes(
        IEnumerable<string> pairs, List<TemplateMetadata> chosen, Dictionary<string, TemplateMetadata> known,
        string knownList, List<string> problems)
    {
        var runtimes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                problems.Add($"--runtime '{pair}' is not LANG=CHOICE: write it as, for example, --runtime go=scratch.");
                continue;
            }

            var (language, runtime) = (parts[0], parts[1]);
            if (!known.TryGetValue(language, out var template))
            {
                problems.Add($"Unknown language '{language}' in --runtime {pair}: choose from {knownList}.");
            }
            else if (!chosen.Contains(template))
            {
                problems.Add($"--runtime {pair} names a language that is not being seeded: add '{template.Language}' to --languages or drop the option.");
            }
            else if (!template.Runtimes.ContainsKey(runtime))
            {
                problems.Add($"{template.DisplayName} offers no runtime '{runtime}': choose from {string.Join(", ", template.Runtimes.Keys)}.");
            }
            else if (!runtimes.TryAdd(template.Language, runtime))
            {
                problems.Add($"--runtime is given twice for {template.Language}: keep one.");
            }
        }

        return runtimes;
    }

    private static SeedMode ParseMode(string mode, List<string> problems)
    {
        // Names only: Enum.TryParse would also take "1" or "0,2".
        var name = Enum.GetNames<SeedMode>().FirstOrDefault(n => n.Equals(mode, StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            return Enum.Parse<SeedMode>(name);
        }

        problems.Add($"Unknown --mode '{mode}': choose solution, starter or both.");
        return SeedMode.Solution;
    }
}
