using System.Text.RegularExpressions;
using SakipServerless.Core.Templates;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Identity;

/// <summary>
/// Reads the owning agency from the letterhead lines: the region ("PEMERINTAH KABUPATEN BANTUL"), the OPD
/// ("INSPEKTORAT DAERAH", "KECAMATAN SAMBOJA", "BAPPEDA") and a sub-unit ("SEKRETARIAT", "SUB BAG …").
/// Address lines and lines in other scripts (aksara Jawa in a letterhead) are skipped.
/// </summary>
internal static partial class AgencyReader
{
    public static SopAgency Read(IReadOnlyList<string> headingLines, out bool nameFound)
    {
        string? region = null, name = null, unit = null, fallback = null;
        foreach (var raw in headingLines)
        {
            string line = InlineText.Collapse(raw).Trim(',', ';', ' ');
            if (line.Length == 0 || Address().IsMatch(line) || !MostlyLatin(line) || line.EndsWith(':'))
            {
                continue;
            }

            var regionMatch = Region().Match(line);
            if (regionMatch.Success)
            {
                string kind = Capitalise(regionMatch.Groups["kind"].Value);
                string place = regionMatch.Groups["name"].Value.Trim();
                // Letterheads are in capitals; a mixed-case line is kept as written.
                region ??= place.Any(char.IsLower) ? $"{kind} {place}" : IndonesianTitleCase.ForHeading($"{kind.ToUpperInvariant()} {place}");
                continue;
            }

            if (Opd().IsMatch(line))
            {
                name ??= IndonesianTitleCase.ForHeading(line);
            }
            else if (SubUnit().IsMatch(line))
            {
                unit ??= IndonesianTitleCase.ForHeading(line);
            }
            else if (fallback is null && line.Length <= 80 && line.Count(char.IsLetter) >= line.Length / 2 && !line.StartsWith("SOP", StringComparison.OrdinalIgnoreCase))
            {
                fallback = IndonesianTitleCase.ForHeading(line);
            }
        }

        name ??= fallback;
        nameFound = name is not null;
        return new SopAgency(name ?? "(nama instansi tidak terbaca)", unit, region, null);
    }

    private static string Capitalise(string word) =>
        word.Equals("kab.", StringComparison.OrdinalIgnoreCase) ? "Kabupaten" : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    private static bool MostlyLatin(string line)
    {
        int letters = 0, latin = 0;
        foreach (char c in line)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c < '\u0250')
                {
                    latin++;
                }
            }
        }

        return letters > 0 && latin * 2 >= letters;
    }

    [GeneratedRegex(@"^(?:jl|jln|jalan)\b\.?|\b(?:telp|telepon|fax|faks|laman|website|posel|e-?mail|kode\s+pos)\b|https?:|www\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"^(?:pemerintah\s+)?(?<kind>kabupaten|kab\.|kota|provinsi)\s+(?<name>[\p{L}][\p{L}\s.\-]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Region();

    [GeneratedRegex(@"^(?:badan|dinas|inspektorat|kecamatan|kelurahan|desa|kantor|satuan\s+polisi|satpol|rumah\s+sakit|rsud|puskesmas|sekretariat\s+(?:daerah|dprd|dewan)|bappeda\w*|bapenda|bkpsdm|bpbd|bpkad|bkd|kesbangpol|diskominfo|disdukcapil)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opd();

    [GeneratedRegex(@"^(?:sekretariat|sub\s*bag(?:ian)?|subbag(?:ian)?|bidang|seksi|sub\s*bidang|subbid|upt|uptd|bagian)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubUnit();
}
