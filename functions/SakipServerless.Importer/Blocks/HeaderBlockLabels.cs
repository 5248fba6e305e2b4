using System.Text.RegularExpressions;

namespace SakipServerless.Importer.Blocks;

/// <summary>Recognises a header-block label at the start of a cell ("Dasar Hukum :", "Kualifikasi pelaksanaan", "Peralatan / Perlengkapan").</summary>
internal static partial class HeaderBlockLabels
{
    /// <summary>
    /// A label must stand alone or be followed by a colon or list markup: "Peralatan tulis" is an item, not the label.
    /// </summary>
    public static bool TryRead(string cell, out HeaderBlockKind kind, out string rest)
    {
        var m = Label().Match(cell);
        if (!m.Success)
        {
            kind = default;
            rest = "";
            return false;
        }

        kind = m.Groups["legal"].Success ? HeaderBlockKind.LegalBasis
            : m.Groups["qual"].Success ? HeaderBlockKind.Qualifications
            : m.Groups["rel"].Success ? HeaderBlockKind.RelatedSops
            : m.Groups["equip"].Success ? HeaderBlockKind.Equipment
            : m.Groups["warn"].Success ? HeaderBlockKind.Warnings
            : HeaderBlockKind.Records;
        rest = cell[m.Length..].Trim();
        return true;
    }

    [GeneratedRegex(
        @"^\s*(?:(?<legal>dasar\s+hukum)|(?<qual>kualifikasi(?:\s+pelaksana(?:an)?)?)|(?<rel>keterkaitan(?:\s+dengan\s+(?:sop|prosedur)(?:\s+lain)?)?)|(?<equip>peralatan\s*(?:/|dan)\s*perlengkapan|peralatan|perlengkapan)|(?<warn>peringatan)|(?<rec>pencatatan(?:\s+dan\s+pendataan)?))\s*(?::\s*|$|(?=<(?:ol|ul|li)>))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
