using Microsoft.Extensions.Options;
using SakipServerless.Api.Files;
using SakipServerless.Importer;

namespace SakipServerless.Api.Templates;

/// <summary>
/// The upload rules for an SOP document sent to the importer, the same ones evidence uploads obey: a size limit
/// counted while the body streams in (413), the type taken from the magic bytes and never from the name or the
/// Content-Type (415 for anything but a ZIP package, a PDF or text), and the zip-bomb guard, which inflates every
/// entry of a .docx while counting, before the Word reader opens it (422). Refusals are <see cref="UploadRejectedException"/>s.
/// </summary>
public sealed class SopDocumentUpload(IOptions<EvidenceOptions> evidence)
{
    public static long MaxBytes => SopImporter.MaxFileBytes;

    public async Task<byte[]> ReadAsync(HttpContext http, CancellationToken ct)
    {
        FilesApi.AllowBody(http, MaxBytes);
        var counted = new SizeLimitedStream(http.Request.Body, MaxBytes, SizeLimitedStream.TooLargeFile(MaxBytes));
        using var buffer = new MemoryStream();
        await counted.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "file-empty", "Berkas kosong (0 byte); pilih ulang dokumen SOP lalu unggah kembali.");
        }

        var family = ContentSniffer.Detect(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, ContentSniffer.HeadLength)));
        if (Refusal(family) is { } refusal)
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "sop-file-type", refusal);
        }

        if (family == ContentFamily.Zip)
        {
            buffer.Position = 0;
            await new ArchiveInspector(evidence.Value).InspectAsync(buffer, "dokumen Word (.docx)", ct);
        }

        return buffer.ToArray();
    }

    /// <summary>Text exports are any bytes no magic number claims (the importer then checks they are text).</summary>
    private static string? Refusal(ContentFamily family) => family switch
    {
        ContentFamily.Pdf or ContentFamily.Zip or ContentFamily.Unknown or ContentFamily.Markup => null,
        ContentFamily.CompoundFile => "Berkas ini dokumen Word lama (.doc) atau paket Office lain, yang tidak dapat dibaca importer. Simpan ulang sebagai .docx (Word: Simpan Sebagai → Dokumen Word) lalu unggah kembali.",
        ContentFamily.Png or ContentFamily.Jpeg or ContentFamily.OtherImage or ContentFamily.Heic =>
            $"Berkas ini {ContentSniffer.Describe(family)} (hasil pindai atau foto), bukan dokumen dengan teks. Pengenalan teks (OCR) tidak didukung; unggah .docx aslinya atau PDF yang memiliki lapisan teks.",
        _ => $"Berkas ini {ContentSniffer.Describe(family)}, bukan dokumen SOP. Unggah dokumen SOP sebagai .docx, .pdf (dengan lapisan teks) atau teks ekspor.",
    };
}
