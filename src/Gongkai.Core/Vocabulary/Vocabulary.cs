namespace Gongkai.Core.Vocabulary;

/// <summary>One value of a vocabulary: its stable code (CLI options, CSV columns, form fields, JSON, database text) and its zh-CN label.</summary>
public sealed record Term<T>(T Value, string Code, string Label)
    where T : struct, Enum;

/// <summary>
/// One concept's values (STYLE rule 14): each enum value has exactly one stable code and one zh-CN
/// label, checked when the vocabulary is built. Every boundary parses and prints through it, so a
/// value is spelt the same on the command line, in CSV, in forms, in JSON and in letters.
/// </summary>
public sealed class Vocabulary<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, Term<T>> _byValue;
    private readonly Dictionary<string, Term<T>> _byText;

    /// <param name="name">The concept's zh-CN name, for error messages (e.g. 「申请渠道」).</param>
    /// <param name="terms">One term per enum value.</param>
    public Vocabulary(string name, params Term<T>[] terms)
    {
        Name = name;
        Terms = terms;
        _byValue = terms.ToDictionary(t => t.Value);
        var missing = Enum.GetValues<T>().Where(v => !_byValue.ContainsKey(v)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"Vocabulary {typeof(T).Name} has no term for {string.Join(", ", missing)}.", nameof(terms));
        }

        _byText = new Dictionary<string, Term<T>>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in terms)
        {
            if (!_byText.TryAdd(term.Code, term) || (term.Label != term.Code && !_byText.TryAdd(term.Label, term)))
            {
                throw new ArgumentException($"Vocabulary {typeof(T).Name}: code or label of {term.Value} is not unique.", nameof(terms));
            }
        }
    }

    public string Name { get; }

    public IReadOnlyList<Term<T>> Terms { get; }

    public IEnumerable<string> Codes => Terms.Select(t => t.Code);

    public Term<T> this[T value] => _byValue[value];

    public string Code(T value) => _byValue[value].Code;

    public string Label(T value) => _byValue[value].Label;

    /// <summary>Reads a code or a label (trimmed; codes ignore case).</summary>
    public bool TryParse(string? text, out T value)
    {
        if (text is not null && _byText.TryGetValue(text.Trim(), out var term))
        {
            value = term.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads a code or a label, or throws <see cref="FormatException"/> naming the choices.</summary>
    public T Parse(string? text) =>
        TryParse(text, out var value) ? value : throw new FormatException(NotA(text));

    /// <summary>「「x」不是申请渠道（in-person 当面、…）」.</summary>
    public string NotA(string? text) => $"「{text}」不是{Name}（{Choices}）";

    /// <summary>Every choice as 「code 标签」, for help and errors.</summary>
    public string Choices => string.Join("、", Terms.Select(t => t.Code == t.Label ? t.Code : $"{t.Code} {t.Label}"));
}
