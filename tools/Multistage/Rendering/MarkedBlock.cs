namespace Multistage.Cli.Rendering;

/// <summary>A generated block inside a hand-written document, between a begin and an end marker line;
/// tests regenerate it and fail when the committed copy is stale.</summary>
public sealed record MarkedBlock(string Begin, string End)
{
    /// <summary>The document with the block's content replaced, or null when the markers are missing.</summary>
    public string? Splice(string document, string generated)
    {
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return null;
        }

        var from = begin + Begin.Length;
        return document[..from] + "\n" + generated + document[end..];
    }
}
