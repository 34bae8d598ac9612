namespace Multistage.Core.Templates;

/// <summary>
/// Evaluates the conditions of the template engine's `#if (...)` lines as far as the templates use them:
/// <c>name == "value"</c>, <c>!=</c>, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, parentheses and bare boolean symbols.
/// </summary>
public sealed class TemplateCondition
{
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, string> _symbols;
    private int _at;

    private TemplateCondition(string text, IReadOnlyDictionary<string, string> symbols)
    {
        _text = text;
        _symbols = symbols;
    }

    /// <summary>True when <paramref name="condition"/> holds with these symbol values ("true"/"false" for booleans).</summary>
    /// <exception cref="FormatException">The condition uses a form this reader does not know, or an unknown symbol.</exception>
    public static bool Evaluate(string condition, IReadOnlyDictionary<string, string> symbols)
    {
        var reader = new TemplateCondition(condition, symbols);
        var result = reader.Or();
        reader.SkipSpaces();
        return reader._at == condition.Length ? Truth(result) : throw reader.Error("unexpected text");
    }

    private object Or()
    {
        var left = And();
        while (Take("||"))
        {
            var right = And();
            left = Truth(left) || Truth(right);
        }
        return left;
    }

    private object And()
    {
        var left = Comparison();
        while (Take("&&"))
        {
            var right = Comparison();
            left = Truth(left) && Truth(right);
        }
        return left;
    }

    private object Comparison()
    {
        var left = Unary();
        if (Take("=="))
        {
            return string.Equals(Text(left), Text(Unary()), StringComparison.Ordinal);
        }
        if (Take("!="))
        {
            return !string.Equals(Text(left), Text(Unary()), StringComparison.Ordinal);
        }
        return left;
    }

    private object Unary()
    {
        if (Take("!"))
        {
            return !Truth(Unary());
        }
        if (Take("("))
        {
            var inner = Or();
            return Take(")") ? inner : throw Error("missing ')'");
        }
        SkipSpaces();
        if (_at < _text.Length && _text[_at] == '"')
        {
            var end = _text.IndexOf('"', _at + 1);
            if (end < 0)
            {
                throw Error("unterminated string");
            }
            var literal = _text[(_at + 1)..end];
            _at = end + 1;
            return literal;
        }
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '_' or '.'))
        {
            _at++;
        }
        var name = _text[start.._at];
        return name.Length == 0 ? throw Error("expected a symbol or a string")
            : name is "true" or "false" ? name
            : _symbols.TryGetValue(name, out var value) ? value
            : throw Error($"unknown symbol '{name}'");
    }

    private bool Take(string token)
    {
        SkipSpaces();
        // "!" must not swallow the first character of "!=".
        if (string.CompareOrdinal(_text, _at, token, 0, token.Length) != 0 || (token == "!" && _text.AsSpan(_at).StartsWith("!=")))
        {
            return false;
        }
        _at += token.Length;
        return true;
    }

    private void SkipSpaces()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private static bool Truth(object value) => value is bool b ? b : string.Equals((string)value, "true", StringComparison.OrdinalIgnoreCase);

    private static string Text(object value) => value is bool b ? (b ? "true" : "false") : (string)value;

    private FormatException Error(string problem) => new($"condition '{_text}': {problem} at character {_at + 1}");
}
