namespace SakipServerless.Importer.Blocks;

/// <summary>
/// Spots a block item that is probably several items written on one line without numbers or separators
/// ("Lembaran Kerja Ruangan Rapat Komputer/LapTop … Jaringan Internet"): long, unpunctuated, and full of
/// capitalised words, and the only item of its block. Splitting it cannot be done reliably, so the importer only says so.
/// </summary>
internal static class RunOnItemDetector
{
    private const int MinimumWords = 8;
    private const int MinimumCapitalised = 5;

    private static readonly HeaderBlockKind[] ListLike = [HeaderBlockKind.Equipment, HeaderBlockKind.Records, HeaderBlockKind.RelatedSops, HeaderBlockKind.Qualifications];

    public static IEnumerable<(HeaderBlockKind Kind, string Item)> Find(HeaderBlocks blocks)
    {
        foreach (var kind in ListLike)
        {
            if (blocks[kind] is not [var item])
            {
                continue;
            }

            {
                var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= MinimumWords && item.IndexOfAny([',', ';', '.', ':']) < 0 && words.Count(w => char.IsUpper(w[0])) >= MinimumCapitalised)
                {
                    yield return (kind, item);
                }
            }
        }
    }

    public static string Label(HeaderBlockKind kind) => kind switch
    {
        HeaderBlockKind.Equipment => "Peralatan/Perlengkapan",
        HeaderBlockKind.Records => "Pencatatan dan Pendataan",
        HeaderBlockKind.RelatedSops => "Keterkaitan",
        HeaderBlockKind.Qualifications => "Kualifikasi Pelaksana",
        HeaderBlockKind.LegalBasis => "Dasar Hukum",
        _ => "Peringatan",
    };
}
