using System.Text.RegularExpressions;

namespace SakipServerless.Importer.Identity;

/// <summary>Recognises identity labels in their spellings: "NOMOR SOP", "Nomor Standar Operasional Prosedur", "TGL. REVISI", "Judul SOP" ….</summary>
internal static partial class IdentityLabels
{
    private static readonly (IdentityField Field, Regex Pattern)[] Patterns =
    [
        (IdentityField.Number, NumberLabel()),
        (IdentityField.CreatedAt, CreatedLabel()),
        (IdentityField.RevisedAt, RevisedLabel()),
        (IdentityField.EffectiveAt, EffectiveLabel()),
        (IdentityField.ApprovedBy, ApprovedLabel()),
        (IdentityField.Title, TitleLabel()),
        (IdentityField.Ignored, IgnoredLabel()),
    ];

    /// <summary>Matches a label at the start of plain cell text; the rest of the text (after an optional colon) is the value.</summary>
    public static bool TryRead(string plainCell, out IdentityField field, out string rest)
    {
        foreach (var (f, pattern) in Patterns)
        {
            var m = pattern.Match(plainCell);
            if (m.Success)
            {
                field = f;
                rest = plainCell[m.Length..].Trim().TrimStart(':').Trim();
                return true;
            }
        }

        field = default;
        rest = "";
        return false;
    }

    // Each label must end at a word boundary followed by a colon, whitespace or the end, so "Nomor 25 Tahun" is no label.
    [GeneratedRegex(@"^(?:nomor|no\.?)\s*(?:sop|standar\s+operasional\s+prosedur|dokumen)\b(?=\s*(?::|$|\s))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"^(?:tanggal|tgl\.?)\s*(?:pembuatan|dibuat)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreatedLabel();

    [GeneratedRegex(@"^(?:tanggal|tgl\.?)\s*revisi\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RevisedLabel();

    [GeneratedRegex(@"^(?:tanggal|tgl\.?)\s*(?:efektif|berlaku)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EffectiveLabel();

    [GeneratedRegex(@"^disahkan(?:\s+oleh)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApprovedLabel();

    [GeneratedRegex(@"^(?:nama|judul)\s+(?:sop|standar\s+operasional\s+prosedur|prosedur)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleLabel();

    [GeneratedRegex(@"^satuan\s+kerja\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IgnoredLabel();
}
