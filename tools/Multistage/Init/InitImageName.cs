using System.Text.RegularExpressions;

namespace Multistage.Cli.Init;

/// <summary>The image and Compose service name the item templates derive from the project name (their
/// `imageName` form: lower case, runs of other characters as one '-', no '-' at either end), for the lines
/// init prints and the names it checks.</summary>
public static partial class InitImageName
{
    /// <summary>A Compose service name becomes the container's host name, a DNS label: at most 63 characters
    /// (the project templates cut their names there too); Docker itself allows 255 for a whole reference.</summary>
    public const int MaxLength = 63;

    public static string From(string name) => RunsOfOthers().Replace(name.ToLowerInvariant(), "-").Trim('-');

    /// <summary>Null when <paramref name="name"/> gives a usable image name; else the problem and its fix.</summary>
    public static string? Problem(string name, string from)
    {
        var image = From(name);
        if (image.Length == 0)
        {
            return $"The name '{name}' ({from}) has no letter or digit to make an image name from: pass `--name my-app`.";
        }

        return image.Length > MaxLength
            ? $"The name '{Shorten(name)}' ({from}) gives an image and Compose service name of {image.Length} characters; " +
              $"a service name is a host name, at most {MaxLength}: pass a shorter `--name`, for example `--name {ShellWord.Quote(image[..Math.Min(image.Length, 20)].TrimEnd('-'))}`."
            : null;
    }

    private static string Shorten(string name) => name.Length > 40 ? $"{name[..37]}..." : name;

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex RunsOfOthers();
}
