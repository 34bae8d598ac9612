using System.Text.RegularExpressions;

namespace Multistage.Core.Pipeline;

/// <summary>
/// multistage.json's forbiddenPaths globs (CONTRIBUTING.md): paths without a leading `/`, `*` within one
/// folder, `**` across folders (`a/**` also matches `a` itself, `**/x` also matches `x`).
/// </summary>
public sealed class PathGlob
{
    private readonly Regex regex;

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        regex = new Regex("^" + Translate(pattern.TrimStart('/')) + "$", RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    public bool IsMatch(string path) => regex.IsMatch(path.TrimStart('/'));

    private static string Translate(string glob)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var atStart = i == 0 || glob[i - 1] == '/';
                var beforeSlash = i + 2 < glob.Length && glob[i + 2] == '/';
                if (atStart && beforeSlash)
                {
                    // `**/`: any number of whole folders, including none.
                    text.Append("(?:.*/)?");
                    i += 2;
                }
                else if (atStart && i + 2 == glob.Length && i > 0)
                {
                    // trailing `/**`: the folder itself or anything inside it.
                    text.Length -= 1; // the escaped '/' just written
                    text.Append("(?:/.*)?");
                    i += 1;
                }
                else
                {
                    text.Append(".*");
                    i += 1;
                }
            }
            else if (glob[i] == '*')
            {
                text.Append("[^/]*");
            }
            else if (glob[i] == '?')
            {
                text.Append("[^/]");
            }
            else
            {
                text.Append(Regex.Escape(glob[i].ToString()));
            }
        }

        return text.ToString();
    }
}
