using System.Globalization;
using System.Reflection;
using Spectre.Console.Cli;

namespace Multistage.Cli;

/// <summary>Finds a word after a command that none of its arguments takes (`catalog --json extra`): Spectre
/// would read it as a sub-command and answer "Unknown command 'extra'". Read from the settings' own
/// attributes, like <see cref="MissingOptionValue"/>.</summary>
public static class UnexpectedArgument
{
    /// <param name="commands">Each command's name and settings type.</param>
    public static string? Find(IReadOnlyList<string> args, params (string Name, Type Settings)[] commands)
    {
        var command = commands.FirstOrDefault(c => args.Count > 0 && c.Name == args[0]);
        if (command.Settings is null)
        {
            // No command named: the default command's line, or an unknown command Spectre reports well.
            return null;
        }

        var takes = command.Settings.GetProperties().Select(p => p.GetCustomAttribute<CommandArgumentAttribute>()).OfType<CommandArgumentAttribute>().ToList();
        var valueOptions = MissingOptionValue.ValueOptions(command.Settings);
        var flags = command.Settings.GetProperties().Select(p => p.GetCustomAttribute<CommandOptionAttribute>()).OfType<CommandOptionAttribute>()
            .SelectMany(o => o.LongNames.Select(n => $"--{n}").Concat(o.ShortNames.Select(n => $"-{n}")))
            .ToHashSet(StringComparer.Ordinal);
        var positional = 0;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                return null;
            }

            if (args[i].StartsWith('-') && !double.TryParse(args[i], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                if (!valueOptions.ContainsKey(args[i]) && !flags.Contains(args[i].Split('=')[0]))
                {
                    // An unknown option (a misspelling) may take the next word: Spectre names it better.
                    return null;
                }

                i += valueOptions.ContainsKey(args[i]) ? 1 : 0;
                continue;
            }

            if (++positional > takes.Count)
            {
                var expected = takes.Count == 0
                    ? "takes no arguments"
                    : $"takes {string.Join(" ", takes.OrderBy(a => a.Position).Select(a => a.ValueName))} only";
                return $"Unexpected argument '{args[i]}': `multistage {command.Name}` {expected}; see `multistage {command.Name} --help`.";
            }
        }

        return null;
    }
}
