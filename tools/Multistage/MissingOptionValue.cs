using System.Globalization;
using System.Reflection;
using Spectre.Console.Cli;

namespace Multistage.Cli;

/// <summary>Finds an option that takes a value (<c>--out &lt;DIR&gt;</c>) given without one: at the end of
/// the command line, or followed by another option. Read from the settings' own attributes, so a new
/// option is covered without being listed here.</summary>
public static class MissingOptionValue
{
    /// <param name="commands">Each command's name and settings type; the first is the default command.</param>
    public static string? Find(IReadOnlyList<string> args, params (string Name, Type Settings)[] commands)
    {
        var command = commands.FirstOrDefault(c => args.Count > 0 && c.Name == args[0]);
        var (name, settings) = command.Settings is null ? commands[0] : command;
        var options = ValueOptions(settings);
        for (var i = 0; i < args.Count; i++)
        {
            if (!options.TryGetValue(args[i], out var valueName))
            {
                continue;
            }

            var next = i + 1 < args.Count ? args[i + 1] : null;
            if (next is null || (next.StartsWith('-') && !double.TryParse(next, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                return $"{args[i]} needs a value ({valueName}): write it as {args[i]} {valueName}, or see `multistage {name} --help`.";
            }
        }

        return null;
    }

    /// <summary>Every spelling of every option that takes a value, with the value's name (DIR, N, ...).</summary>
    internal static Dictionary<string, string> ValueOptions(Type settings)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in settings.GetProperties().Select(p => p.GetCustomAttribute<CommandOptionAttribute>()).OfType<CommandOptionAttribute>())
        {
            if (attribute.ValueName is not { Length: > 0 } valueName || attribute.ValueIsOptional)
            {
                continue;
            }

            foreach (var spelling in attribute.LongNames.Select(n => $"--{n}").Concat(attribute.ShortNames.Select(n => $"-{n}")))
            {
                options[spelling] = $"<{valueName}>";
            }
        }

        return options;
    }
}
