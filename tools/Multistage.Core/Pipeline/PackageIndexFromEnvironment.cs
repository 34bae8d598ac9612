namespace Multistage.Core.Pipeline;

/// <summary>
/// A package index the user already set for their own tools (PIP_INDEX_URL, NPM_CONFIG_REGISTRY, GOPROXY:
/// a template's packageIndexBuildArg) is passed to its builds, as a --build-arg would be: a `docker build`
/// does not see the shell's environment, and someone behind a private mirror expects the mirror to be used.
/// A --build-arg of the same name wins. Only network addresses are passed: a file path or `file:` URL on the
/// host does not exist inside the build.
/// </summary>
public static class PackageIndexFromEnvironment
{
    public static IReadOnlyDictionary<string, string> AddTo(
        IReadOnlyDictionary<string, string> buildArguments, string? packageIndexBuildArg, Func<string, string?> environment)
    {
        if (packageIndexBuildArg is null || buildArguments.ContainsKey(packageIndexBuildArg)
            || environment(packageIndexBuildArg) is not { Length: > 0 } value || !IsNetworkAddress(value))
        {
            return buildArguments;
        }

        return new Dictionary<string, string>(buildArguments, StringComparer.Ordinal) { [packageIndexBuildArg] = value };
    }

    /// <summary>The value names at least one URL, and every entry of it (comma-separated, as GOPROXY's, whose
    /// keyword "direct" is kept) is a URL with a host, not file:.</summary>
    private static bool IsNetworkAddress(string value)
    {
        var urls = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => entry != "direct").ToList();
        return urls.Count > 0 && urls.All(entry =>
            Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme != Uri.UriSchemeFile && !string.IsNullOrEmpty(uri.Host));
    }
}
