using System.IO.Compression;

namespace SakipServerless.Importer.Docx;

/// <summary>
/// Looks at a .docx's ZIP directory before the Office reader inflates anything, so a zip bomb or a ZIP that is not a
/// Word document gets a message instead of eating memory. The reader trusts the declared sizes only as far as this:
/// <see cref="ZipArchive"/> stops inflating an entry at its declared size, so an entry that lies about its size
/// yields truncated XML (refused as a damaged file), never more bytes than checked here.
/// </summary>
internal static class DocxPackageGuard
{
    /// <summary>A 3-page SOP inflates to well under 5 MB; images can add more, text parts never approach this.</summary>
    public const long MaxInflatedBytes = 128L * 1024 * 1024;

    /// <summary>The main document part is parsed into memory; larger than this is not an SOP.</summary>
    public const long MaxDocumentPartBytes = 32L * 1024 * 1024;

    private const int MaxEntries = 2000;
    private const int MaxRatio = 200;
    private const long RatioFloorBytes = 1024 * 1024;

    public static void Check(byte[] content)
    {
        using var zip = Open(content);
        if (zip.Entries.Count > MaxEntries)
        {
            throw Bomb($"berisi {zip.Entries.Count} entri");
        }

        long total = 0;
        bool hasDocument = false;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > RatioFloorBytes && entry.Length / Math.Max(1, entry.CompressedLength) > MaxRatio)
            {
                throw Bomb($"bagian {entry.FullName} memiliki rasio pemadatan yang tidak wajar");
            }

            if (entry.FullName == "word/document.xml")
            {
                hasDocument = true;
                if (entry.Length > MaxDocumentPartBytes)
                {
                    throw new SopImportException($"Isi dokumen Word terlalu besar ({entry.Length / (1024 * 1024)} MB teks); dokumen SOP jauh lebih kecil.");
                }
            }
        }

        if (total > MaxInflatedBytes)
        {
            throw Bomb($"mengembang menjadi {total / (1024 * 1024)} MB");
        }

        if (!hasDocument)
        {
            throw new SopImportException(zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal))
                ? "Berkas ini lembar kerja Excel (.xlsx), bukan dokumen Word. Kirim dokumen SOP sebagai .docx atau .pdf."
                : "Berkas ini arsip ZIP, bukan dokumen Word (.docx). Kirim dokumen SOP sebagai .docx, .pdf atau teks.");
        }
    }

    private static ZipArchive Open(byte[] content)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw DocxSopReader.Damaged();
        }
    }

    private static SopImportException Bomb(string why) =>
        new($"Berkas .docx ditolak: {why}, tidak seperti dokumen Word biasa (kemungkinan \"zip bomb\"). Simpan ulang dokumen dari Word lalu impor lagi.");
}
