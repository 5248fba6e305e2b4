using System.Text;
using System.Text.RegularExpressions;

namespace SakipServerless.Importer.Text;

/// <summary>
/// Normalises exported SOP text into lines the parsers can trust: one line ending, plain spaces and hyphens,
/// inline formatting removed, checkboxes turned into a mark. List tags (<c>&lt;ol&gt;</c>, <c>&lt;li&gt;</c>) are
/// kept because they carry the item boundaries of the header blocks; tabs are kept because they separate cells.
/// </summary>
internal static partial class DocumentCleaner
{
    /// <summary>The mark an empty or ticked HTML checkbox becomes.</summary>
    public const char CheckboxMark = '\u2610';

    /// <summary>What a &lt;br&gt; inside a cell becomes: whitespace in running text, an item boundary in a list cell.</summary>
    public const char CellBreak = '\u2028';

    public static IReadOnlyList<string> CleanLines(string text)
    {
        string t = NormaliseCharacters(text);
        t = ReplaceMarkup(t);
        var lines = t.Split('\n');
        var result = new string[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            // Spaces around a line are padding; tabs are not (a leading tab means an empty first cell).
            string line = lines[i].Trim(' ');
            result[i] = line.Trim('\t').Length == 0 ? "" : line;
        }

        return result;
    }

    /// <summary>Counts characters that plain text does not contain, to tell a binary file from a document.</summary>
    public static double ControlCharacterRatio(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        int odd = 0;
        foreach (char c in text)
        {
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\uFFFD')
            {
                odd++;
            }
        }

        return (double)odd / text.Length;
    }

    internal static string NormaliseCharacters(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u00A0' or '\u2007' or '\u202F' or (>= '\u2000' and <= '\u200A') or '\u3000':
                    sb.Append(' ');
                    break;
                // Hyphen look-alikes that word processors insert inside words; en and em dashes are real dashes and stay.
                case '\u2010' or '\u2011' or '\u2012' or '\u2212' or '\uFE63' or '\uFF0D':
                    sb.Append('-');
                    break;
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;
                case '\f' or '\v':
                    sb.Append('\n');
                    break;
                default:
                    if (!char.IsControl(c) || c is '\t' or '\n')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string ReplaceMarkup(string text)
    {
        text = Checkbox().Replace(text, CheckboxMark.ToString());
        text = BreakTag().Replace(text, CellBreak.ToString());
        text = BlockTag().Replace(text, " ");
        text = InlineTag().Replace(text, "");
        text = text.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        // Markdown emphasis from the export (**BADAN ...**); a lone asterisk is text and stays.
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
        return ListTag().Replace(text, m => "<" + m.Groups["close"].Value + m.Groups["name"].Value.ToLowerInvariant() + ">");
    }

    [GeneratedRegex(@"<input\b[^>]*\btype\s*=\s*[""']?checkbox[""']?[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Checkbox();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BreakTag();

    [GeneratedRegex(@"</?(?:p|div)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"</?(?:b|strong|i|em|u|span|font|sup|sub|small|big|mark|s|strike|a|center|h[1-6])\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"<(?<close>/?)(?<name>ol|ul|li)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListTag();
}
