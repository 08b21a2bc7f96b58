using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Notifications;

/// <summary>A template is not usable: the message says which file, which line and which placeholder.</summary>
public sealed class TemplateException(string message) : Exception(message);

/// <summary>
/// A message template: its first line <c>主题：…</c> (email subject, optional for SMS), then the body, with
/// placeholders written 「{申请编号}」. Checked when loaded — an unknown placeholder or an unclosed brace
/// is a <see cref="TemplateException"/> naming the file and the line — so a sent message never has a blank.
/// </summary>
public sealed partial class MessageTemplate
{
    private const string SubjectPrefix = "主题：";

    private MessageTemplate(string name, string subject, string body) => (Name, Subject, Body) = (name, subject, body);

    public string Name { get; }

    public string Subject { get; }

    public string Body { get; }

    public static MessageTemplate Parse(string name, string text, IReadOnlyCollection<string> allowed)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var unclosed = lines[i].Count(c => c == '{') != lines[i].Count(c => c == '}');
            if (unclosed)
            {
                throw new TemplateException($"消息模板 {name} 第 {i + 1} 行：花括号不成对");
            }

            foreach (Match m in Placeholder().Matches(lines[i]))
            {
                if (!allowed.Contains(m.Groups[1].Value))
                {
                    throw new TemplateException($"消息模板 {name} 第 {i + 1} 行：未知的占位符「{{{m.Groups[1].Value}}}」（可用：{string.Join("、", allowed.Select(a => "{" + a + "}"))}）");
                }
            }
        }

        var hasSubject = lines[0].StartsWith(SubjectPrefix, StringComparison.Ordinal);
        var subject = hasSubject ? lines[0][SubjectPrefix.Length..].Trim() : "";
        var body = string.Join("\n", hasSubject ? lines.Skip(1) : lines).Trim();
        if (body.Length == 0)
        {
            throw new TemplateException($"消息模板 {name}：正文为空");
        }

        return new MessageTemplate(name, subject, body);
    }

    /// <summary>The subject and body with every placeholder filled (a value not given is an error, never a blank).</summary>
    public (string Subject, string Body) Render(IReadOnlyDictionary<string, string> values) => (Fill(Subject, values), Fill(Body, values));

    private string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new TemplateException($"消息模板 {Name}：没有「{{{m.Groups[1].Value}}}」的值"));

    /// <summary>An SMS text within one segment: cut with 「…」 if longer.</summary>
    public static string OneSegment(string text)
    {
        var flat = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            flat.Append(ch is '\n' or '\r' ? ' ' : ch);
        }

        var s = flat.ToString().Trim();
        return s.Length <= Messages.SmsSegment ? s : s[..(Messages.SmsSegment - 1)] + "…";
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
