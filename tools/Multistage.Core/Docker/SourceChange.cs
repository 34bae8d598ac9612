namespace Multistage.Core.Docker;

/// <summary>
/// A source-only change for "does a rebuild reuse the dependency layers" checks and timings: it changes
/// the file's bytes but not the program.
/// </summary>
public static class SourceChange
{
    /// <summary>
    /// Appends one line of spaces and tabs spelling a fresh random number in binary. Blank to every
    /// language (so no comment syntax to choose per language) and new on every call, so BuildKit's cache
    /// from an earlier run, or from a sibling variant with the same build stage, cannot turn the rebuild
    /// into a fully cached one that hides the source change.
    /// </summary>
    public static Task AppendInertLineAsync(string sourceFile, CancellationToken cancellationToken = default) =>
        File.AppendAllTextAsync(sourceFile, "\n" + InertLine() + "\n", cancellationToken);

    private static string InertLine() =>
        string.Concat(Convert.ToString(Random.Shared.NextInt64(1L << 40), 2).PadLeft(40, '0').Select(bit => bit == '1' ? '\t' : ' '));
}
