using Multistage.Core.Templates;

namespace Multistage.Cli.Seeding;

/// <summary>Turns the command line into a <see cref="SeedPlan"/>, collecting every problem at once so a
/// user fixes them in one go. Nothing here touches the disk except to look at the output folder.</summary>
public static class SeedPlanner
{
    /// <param name="templatesDirectory">The template set in use: a course must not be written into it or around it.</param>
    public static SeedPlan Plan(SeedSettings settings, IReadOnlyList<TemplateMetadata> catalog, string templatesDirectory)
    {
        var problems = new List<string>();
        var known = catalog.ToDictionary(t => t.Language, StringComparer.OrdinalIgnoreCase);
        var knownList = string.Join(", ", catalog.Select(t => t.Language));

        var templates = ParseLanguages(settings.Languages, catalog, known, knownList, problems);
        var runtimes = ParseRuntimes(settings.Runtimes, templates, known, knownList, problems);
        var mode = ParseMode(settings.Mode, problems);

        var portBase = ParsePortBase(settings.PortBase, templates.Count, problems);
        var output = CheckOutput(settings, templatesDirectory, problems);

        BadInputException.ThrowIfAny(problems);

        var languages = templates
            .Select((t, i) => new LanguagePlan(t, runtimes.GetValueOrDefault(t.Language, t.DefaultRuntime), portBase + i))
            .ToList();
        return new SeedPlan(output!, mode, languages, settings.Force, catalog.Select(t => t.Language).ToList()) { Pitfalls = settings.Pitfalls };
    }

    /// <summary>A number (given as text so a missing or odd value is reported here, by name, like the rest).</summary>
    private static int ParsePortBase(string text, int languageCount, List<string> problems)
    {
        var count = Math.Max(languageCount, 1);
        var fix = $"choose a base between 1 and {65536 - count}.";
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var portBase))
        {
            problems.Add($"--port-base '{text}' is not a port number: {fix}");
            return 0;
        }

        var lastPort = (long)portBase + count - 1;
        if (portBase < 1 || lastPort > 65535)
        {
            problems.Add($"--port-base {portBase} gives ports {portBase}-{lastPort} for {languageCount} language(s); ports must lie in 1-65535: {fix}");
        }

        return portBase;
    }

    /// <summary>The full output path, or null with the problem added: a usable path, empty unless --force,
    /// and neither inside the template folders nor around them (which --force would overwrite).</summary>
    private static string? CheckOutput(SeedSettings settings, string templatesDirectory, List<string> problems)
    {
        if (OutputPaths.FolderProblem("--out", settings.Out) is { } problem)
        {
            problems.Add(problem);
            return null;
        }

        var output = Path.GetFullPath(settings.Out);
        var templates = Path.GetFullPath(templatesDirectory);
        if (IsSameOrInside(output, templates))
        {
            problems.Add($"--out {settings.Out} is inside the template folders ({templates}): seeding there would rewrite the templates. Choose a folder outside them.");
        }
        else if (IsSameOrInside(templates, output))
        {
            problems.Add($"--out {settings.Out} holds the template folders ({templates}), as a clone's root does: choose a new folder, such as {Path.Combine(settings.Out, "course")}.");
        }
        else if (CloneTemplates(output) is { } cloneTemplates)
        {
            problems.Add($"--out {settings.Out} is inside the template folders of the clone at {Path.GetDirectoryName(cloneTemplates)} ({cloneTemplates}): " +
                         "that clone's build and tests would read the course as a template, and its own seed refuses the folder. Choose a folder outside it.");
        }
        else if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !settings.Force)
        {
            problems.Add($"The output folder {output} is not empty: choose an empty or new folder with --out, " +
                         "or pass --force to replace what a seed writes there (the sample folders and the course files; nothing else is touched).");
        }

        return output;
    }

    /// <summary>The templates/ folder of a clone of this repository that holds <paramref name="output"/>, or null:
    /// the installed tool uses its own templates, but a course inside a clone's must not be written either.</summary>
    private static string? CloneTemplates(string output)
    {
        var existing = output;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        return RepositoryLayout.TryFindRoot(existing) is { } root && IsSameOrInside(output, RepositoryLayout.TemplatesDirectory(root))
            ? RepositoryLayout.TemplatesDirectory(root)
            : null;
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return !outside;
    }

    private static List<TemplateMetadata> ParseLanguages(
        string? list, IReadOnlyList<TemplateMetadata> catalog, Dictionary<string, TemplateMetadata> known,
        string knownList, List<string> problems)
    {
        if (list is null)
        {
            return [.. catalog];
        }

        if (list.Trim().Length == 0)
        {
            // Given but empty (a script's unset variable): not "every language", which leaving the option out means.
            problems.Add($"--languages is empty: name the languages to seed ({knownList}), or leave the option out to seed them all.");
            return [];
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
