using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Documents.Reading.Text;

namespace Gongkai.Documents.Reading;

/// <summary>
/// Reads a report published as an HTML page: block elements become lines, table rows become
/// tab-separated lines (merged cells appear once, as in the page; <c>&amp;nbsp;</c> cells are
/// blank), and the text reader does the rest.
/// </summary>
public static class HtmlReportReader
{
    private static readonly HashSet<string> _blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "blockquote", "pre", "center", "td", "th", "tr", "table", "body", "br", "hr",
    };

    public static LoadedReport Read(string html, string source)
    {
        var document = new HtmlParser().ParseDocument(html);
        return TextReportReader.Read(ToText(document), source, "html");
    }

    public static string ToText(IDocument document)
    {
        var sb = new StringBuilder();
        var line = new StringBuilder();
        Walk(document.Body ?? document.DocumentElement, sb, line);
        Flush(sb, line);
        return sb.ToString();
    }

    private static void Walk(INode node, StringBuilder sb, StringBuilder line)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    line.Append(Collapse(text.Data));
                    break;
                case IElement { LocalName: "script" or "style" or "noscript" or "head" }:
                    break;
                case IElement { LocalName: "table" } table:
                    Flush(sb, line);
                    foreach (var row in table.QuerySelectorAll("tr"))
                    {
                        if (row.Closest("table") != table)
                        {
                            continue; // a nested table's rows are written with their own table
                        }

                        sb.Append(string.Join('\t', row.Children.Where(c => c.LocalName is "td" or "th").Select(CellText))).Append('\n');
                    }

                    break;
                case IElement { LocalName: "br" }:
                    Flush(sb, line);
                    break;
                case IElement element when _blocks.Contains(element.LocalName):
                    Flush(sb, line);
                    Walk(element, sb, line);
                    Flush(sb, line);
                    break;
                case IElement element:
                    Walk(element, sb, line);
                    break;
            }
        }
    }

    private static string CellText(IElement cell) => Collapse(cell.TextContent).Trim().Replace('\t', ' ');

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s)
        {
            if (ch is ' ' or '\n' or '\r' or '\t')
            {
                if (!space)
                {
                    sb.Append(' ');
                }

                space = true;
            }
            else
            {
                sb.Append(ch);
                space = false;
            }
        }

        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, StringBuilder line)
    {
        var text = line.ToString().Trim();
        if (text.Length > 0)
        {
            sb.Append(text).Append('\n');
        }

        line.Clear();
    }
}
