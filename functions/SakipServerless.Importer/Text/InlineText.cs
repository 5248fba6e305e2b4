using System.Net;
using System.Text.RegularExpressions;

namespace SakipServerless.Importer.Text;

/// <summary>Turns a cell or a fragment of a cleaned line into plain, single-spaced text.</summary>
internal static partial class InlineText
{
    /// <summary>Removes any remaining tags, decodes entities and collapses whitespace.</summary>
    public static string Plain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        string t = AnyTag().Replace(text, " ");
        t = WebUtility.HtmlDecode(t);
        return Collapse(t);
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Lower case with separators unified, for comparing labels and headers.</summary>
    public static string Key(string? text) =>
        Collapse(Plain(text).ToLowerInvariant().Replace('\u2013', '-').Replace(" /", "/").Replace("/ ", "/"));

    /// <summary>Null for an empty cell and for the dash a form uses to say "nothing here".</summary>
    public static string? NullIfEmpty(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim() is "-" or "–" or "—" or "--" ? null : text;

    /// <summary>The cells of a line: exported tables separate them with tabs.</summary>
    public static string[] Cells(string line) => line.Split('\t');

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
