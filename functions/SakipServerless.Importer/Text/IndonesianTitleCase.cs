using System.Globalization;

namespace SakipServerless.Importer.Text;

/// <summary>
/// Title-cases letterhead lines written in capitals ("BADAN KESATUAN BANGSA DAN POLITIK" becomes
/// "Badan Kesatuan Bangsa dan Politik"), keeping Indonesian connectors lower case and acronyms upper case.
/// </summary>
internal static class IndonesianTitleCase
{
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "dan", "atau", "serta", "di", "ke", "dari", "untuk", "pada", "yang", "dengan", "dalam", "oleh",
    };

    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase)
    {
        "SOP", "OPD", "SKPD", "UPT", "UPTD", "DPRD", "RSUD", "BAPPEDA", "BAPPEDALITBANG", "BAPENDA", "BPBD", "BPKAD",
        "BKPSDM", "BKD", "PUPR", "PMD", "KB", "P3A", "PPKB", "DPMPTSP", "ATK", "SAKIP", "LKJIP", "II", "III", "IV",
    };

    /// <summary>Leaves mixed-case text as written; only all-capital lines are recased.</summary>
    public static string ForHeading(string text)
    {
        if (text.Any(char.IsLower))
        {
            return text;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i];
            if (Acronyms.Contains(w) || !w.Any(c => "AIUEOaiueo".Contains(c)))
            {
                continue;
            }

            words[i] = i > 0 && Connectors.Contains(w)
                ? w.ToLowerInvariant()
                : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant());
        }

        return string.Join(' ', words);
    }
}
