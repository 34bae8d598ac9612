using System.Globalization;
using Multistage.Core.Dockerize;
using Multistage.Core.Templates;

namespace Multistage.Cli.Init;

/// <summary>Turns the command line and the project's files into an <see cref="InitPlan"/>: detect, let
/// every flag override, check every value against the item template, and refuse to replace files
/// without --force. All problems are collected at once; nothing here writes.</summary>
public static class InitPlanner
{
    /// <param name="templatesDirectory">The template set in use: init must not write into it (--force would overwrite a template).</param>
    public static InitPlan Plan(InitSettings settings, IReadOnlyList<TemplateMetadata> catalog, string templatesDirectory)
    {
        var problems = new List<string>();
        var directory = CheckDirectory(settings.Directory, templatesDirectory, problems);
        if (directory is null)
        {
            throw new BadInputException(problems);
        }

        var folder = new ProjectFolder(directory);
        var (template, detection) = PickLanguage(settings, catalog, folder, problems);
        if (template is null)
        {
            throw new BadInputException(problems);
        }

        ItemTemplate item;
        try
        {
            item = ItemTemplate.Load(template.Language, template.FolderPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // A --templates folder without (or with a broken) .dockerfiles/ item template: its message names the file.
            throw new BadInputException(e.Message);
        }

        var overrides = ParseOverrides(settings, item, problems);
        if (overrides.Count > 0 && detection is not null)
        {
            // Read again with the user's choices (the project --set project-file names, not the one it guessed).
            detection = ProjectDetectors.For(template.Language)?.Detect(new ProjectFolder(directory) { Given = overrides }) ?? detection;
        }

        var values = new List<PlannedValue>();
        foreach (var value in detection?.Values ?? [])
        {
            values.Add(new PlannedValue(value.Option, value.Value, value.From));
        }

        foreach (var (option, value) in overrides)
        {
            values.RemoveAll(v => v.Option == option);
            values.Add(new PlannedValue(option, value, option is "runtime" or "port" ? $"--{option}" : "--set"));
        }

        foreach (var value in values.Where(v => !overrides.ContainsKey(v.Option)))
        {
            CheckValue(item, value.Option, value.Value, $"{value.Value} (read from {value.From})", problems);
        }

        foreach (var ambiguity in detection?.Ambiguities.Where(a => !overrides.ContainsKey(a.Option)) ?? [])
        {
            problems.Add($"{detection?.Kind ?? template.DisplayName}: {ambiguity.What} ({Shorten(ambiguity.Candidates)}): pass {Flag(ambiguity.Option, ambiguity.Candidates[0])}.");
        }

        problems.AddRange(detection?.Problems ?? []);
        // Without a detection only what the user gave is checked: the template's defaults are placeholders.
        if ((detection is not null || overrides.Count > 0) && ProjectDetectors.For(template.Language) is { } detector)
        {
            problems.AddRange(detector.CheckChosen(folder, values.ToDictionary(v => v.Option, v => v.Value, StringComparer.Ordinal), overrides.Keys.ToHashSet(StringComparer.Ordinal)));
        }

        var (name, nameFrom) = settings.Name is not null
            ? (settings.Name, "--name")
            : detection is not null ? (detection.Name, detection.NameFrom) : (folder.FolderName, "the folder's name");
        if (InitImageName.Problem(name, nameFrom) is { } nameProblem)
        {
            problems.Add(nameProblem);
        }

        if (!settings.DryRun && WritableFolder.Problem(directory) is { } notWritable)
        {
            problems.Add($"{notWritable}, and init writes its files there: run init in a writable copy of the project, or pass --dry-run to see them without writing.");
        }

        if (settings.Force && settings.SkipExisting)
        {
            problems.Add("--force replaces files that exist and --skip-existing keeps them: pass one of them.");
        }

        BadInputException.ThrowIfAny(problems);

        var ordered = values.OrderBy(v => item.Options.ToList().FindIndex(o => o.LongName == v.Option)).ToList();
        return new InitPlan(directory, item, detection, name, nameFrom, ordered, settings.DryRun) { UserCompose = InitFiles.UserCompose(directory) };
    }

    private static string? CheckDirectory(string value, string templatesDirectory, List<string> problems)
    {
        if (value.Trim().Length == 0)
        {
            problems.Add("DIR is empty: pass the project's folder, for example `init .`.");
            return null;
        }

        var full = Path.GetFullPath(value);
        if (File.Exists(full))
        {
            problems.Add($"{value} is a file, not a folder: pass the folder that holds the project.");
            return null;
        }

        if (!Directory.Exists(full))
        {
            problems.Add($"{value}: there is no folder {full}: pass the folder that holds the project.");
            return null;
        }

        var templates = Path.GetFullPath(templatesDirectory).TrimEnd(Path.DirectorySeparatorChar);
        if (full.TrimEnd(Path.DirectorySeparatorChar) == templates || full.StartsWith(templates + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problems.Add($"{value} is inside the template folders in use ({templates}): init writes into your own project; run it in that project's folder.");
            return null;
        }

        return full;
    }

    /// <summary>--language, else the one language whose detector recognises the folder.</summary>
    private static (TemplateMetadata?, ProjectDetection?) PickLanguage(
        InitSettings settings, IReadOnlyList<TemplateMetadata> catalog, ProjectFolder folder, List<string> problems)
    {
        var languages = string.Join(", ", catalog.Select(t => t.Language));
        if (settings.Language is not null)
        {
            var chosen = catalog.FirstOrDefault(t => string.Equals(t.Language, settings.Language, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                problems.Add($"--language {settings.Language} is not a language of the templates: choose from {languages}.");
                return (null, null);
            }

            var detected = ProjectDetectors.For(chosen.Language)?.Detect(folder);
            var others = detected is null ? ProjectDetectors.DetectAll(folder).Where(d => catalog.Any(t => t.Language == d.Language)).ToList() : [];
            if (others.Count > 0)
            {
                // A folder without any project gets the template's defaults; one holding another language's would get a wrong Dockerfile.
                var kinds = string.Join(" and ", others.Select(d => $"a {d.Language} project ({d.Markers[0]})"));
                problems.Add($"--language {settings.Language}: {UserPath.Display(folder.Root)} holds no {chosen.Language} project (looked for {ProjectDetectors.For(chosen.Language)!.LooksFor}) " +
                             $"but {kinds}: pass {string.Join(" or ", others.Select(d => $"`--language {d.Language}`"))}, or leave --language out.");
                return (null, null);
            }

            return (chosen, detected);
        }

        var found = ProjectDetectors.DetectAll(folder)
            .Where(d => catalog.Any(t => t.Language == d.Language))
            .ToList();
        var where = UserPath.Display(folder.Root);
        switch (found.Count)
        {
            case 1:
                return (catalog.Single(t => t.Language == found[0].Language), found[0]);
            case 0:
                var looked = string.Join("; ", ProjectDetectors.All.Select(d => $"{d.Language}: {d.LooksFor}"));
                problems.Add($"No project found in {where} (looked for {looked}): run init in the project's folder, or pass --language LANG ({languages}) and its options with --set.");
                return (null, null);
            default:
                var kinds = string.Join(" and ", found.Select(d => $"a {d.Language} project ({d.Markers[0]})"));
                problems.Add($"{where} holds {kinds}: pass --language {string.Join(" or --language ", found.Select(d => d.Language))} to say which one to containerise.");
                return (null, null);
        }
    }

    /// <summary>--runtime, --port and each --set, checked against the item template's own options.</summary>
    private static Dictionary<string, string> ParseOverrides(InitSettings settings, ItemTemplate item, List<string> problems)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = string.Join(", ", item.Options.Select(o => o.LongName));
        foreach (var entry in settings.Set)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"--set {entry} is not OPTION=VALUE: write it as --set main=./cmd/api (options of {item.ShortName}: {known}).");
                continue;
            }

            var option = entry[..equals].Trim().TrimStart('-');
            if (item.Option(option) is null)
            {
                problems.Add($"--set {entry}: {item.ShortName} has no option '{option}': choose from {known}.");
                continue;
            }

            if (CheckValue(item, option, entry[(equals + 1)..], $"--set {entry}", problems))
            {
                overrides[option] = entry[(equals + 1)..];
            }
        }

        foreach (var (option, value) in new[] { ("runtime", settings.Runtime), ("port", settings.Port) })
        {
            if (value is not null && CheckValue(item, option, value, $"--{option} {value}", problems))
            {
                overrides[option] = value;
            }
        }

        return overrides;
    }

    /// <summary>A value the item template accepts: one of a choice's values, a port, a bool, a non-empty string.</summary>
    private static bool CheckValue(ItemTemplate item, string optionName, string value, string given, List<string> problems)
    {
        var option = item.Option(optionName);
        if (option is null)
        {
            // A detector names an option its template lacks: a contributor's mistake, shown as such.
            problems.Add($"{given}: {item.ShortName} has no option '{optionName}' (the {item.Language} detector and its item template disagree).");
            return false;
        }

        string? problem = option switch
        {
            { Choices.Count: > 0 } when !option.Choices.Contains(value, StringComparer.Ordinal) =>
                $"{given}: {item.ShortName} offers no {optionName} '{value}': pass {Flag(optionName, "CHOICE")} with one of {string.Join(", ", option.Choices)}.",
            { DataType: "integer" } when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535 =>
                $"{given}: '{value}' is not a port number: pass {Flag(optionName, "N")} with N between 1 and 65535.",
            { DataType: "bool" } when value is not ("true" or "false") =>
                $"{given}: '{value}' is not true or false: pass --set {optionName}=true or --set {optionName}=false.",
            _ when value.Trim().Length == 0 =>
                $"{given}: the value is empty: pass --set {optionName}=VALUE ({option.Description})",
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add(problem);
        }

        return problem is null;
    }

    private static string Shorten(IReadOnlyList<string> candidates) =>
        candidates.Count <= 6 ? string.Join(", ", candidates) : $"{string.Join(", ", candidates.Take(5))} and {candidates.Count - 5} more";

    /// <summary>How the user sets an option, as a command to paste (in backticks, so a value such as "." is not
    /// read as the sentence's end): its own flag for --runtime and --port, --set for the rest.</summary>
    private static string Flag(string option, string value) =>
        option is "runtime" or "port" ? $"`--{option} {ShellWord.Quote(value)}`" : $"`--set {ShellWord.Quote($"{option}={value}")}`";

}
