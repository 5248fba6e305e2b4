using System.Text.RegularExpressions;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Reads actors written in words — in a single Pelaksana column, or in Keterangan where a document puts them
/// there ("Dilaksanakan oleh Kasubag Umum", "Pelaksana: Sekretaris", "Kepala Seksi dan Staf").
/// A remark that names no office holder yields nothing.
/// </summary>
internal static partial class RolePhraseReader
{
    public static List<string> Read(string? text)
    {
        string t = InlineText.Plain(text);
        if (t.Length == 0)
        {
            return [];
        }

        var marked = Marked().Match(t);
        string phrase = marked.Success ? marked.Groups["who"].Value : t;
        if (!marked.Success && !RoleVocabulary.StartsLikeTitle(RoleVocabulary.Canonical(phrase)))
        {
            return [];
        }

        // Stop at the end of the naming clause: "oleh Kasubag Umum untuk diarsipkan" names the Kasubag Umum.
        phrase = ClauseEnd().Split(phrase)[0];
        var titles = new List<string>();
        foreach (var part in ListSeparator().Split(phrase))
        {
            foreach (var piece in SplitOnDan(part))
            {
                string title = piece.Trim().TrimEnd('.', ',', ';', ':').Trim();
                if (title.Length > 0 && RoleVocabulary.StartsLikeTitle(RoleVocabulary.Canonical(title)))
                {
                    titles.Add(title);
                }
            }
        }

        return titles;
    }

    /// <summary>"Kepala Seksi dan Staf" names two roles; "Kasubag Perencanaan dan Keuangan" names one.</summary>
    private static IEnumerable<string> SplitOnDan(string part)
    {
        var pieces = Regex.Split(part, @"\s+dan\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (pieces.Length > 1 && pieces.All(p => RoleVocabulary.StartsLikeTitle(RoleVocabulary.Canonical(p))))
        {
            return pieces;
        }

        return [part];
    }

    [GeneratedRegex(@"(?:\boleh|\bpelaksana(?:nya)?\s*:)\s*(?<who>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marked();

    [GeneratedRegex(@"\s+(?:untuk|yang|agar|sebagai|kemudian|lalu|dengan)\s+|[()]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"[,;&+]|\s+serta\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();
}
