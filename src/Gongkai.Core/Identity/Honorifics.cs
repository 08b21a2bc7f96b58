namespace Gongkai.Core.Identity;

/// <summary>How a natural person wants to be addressed in letters (称谓); stored as the integer value, named by <see cref="Honorifics.Code"/> in forms and JSON.</summary>
public enum Honorific
{
    /// <summary>Not given: letters use the name alone.</summary>
    None = 0,
    Mr = 1,
    Ms = 2,
}

/// <summary>Codes and labels of <see cref="Honorific"/>, and the addressee line of a letter.</summary>
public static class Honorifics
{
    public static readonly IReadOnlyList<Honorific> All = Enum.GetValues<Honorific>();

    public static string Code(this Honorific h) => h switch
    {
        Honorific.None => "",
        Honorific.Mr => "mr",
        Honorific.Ms => "ms",
    };

    public static string Label(this Honorific h) => h switch
    {
        Honorific.None => "（不填写）",
        Honorific.Mr => "先生",
        Honorific.Ms => "女士",
    };

    /// <summary>The honorific named by its code (empty = none), or null for an unknown code.</summary>
    public static Honorific? FromCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? Honorific.None : All.Cast<Honorific?>().FirstOrDefault(h => h!.Value.Code() == code.Trim().ToLowerInvariant());

    /// <summary>
    /// Who a letter is addressed to: 「张三先生」 / 「李四女士」 when a person gave a 称谓, else the name
    /// as given (a person without one, or an organisation by its name).
    /// </summary>
    public static string Addressee(string name, Honorific honorific, bool organisation) =>
        organisation || honorific == Honorific.None ? name : name + honorific.Label();
}
