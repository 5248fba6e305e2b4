using Microsoft.Extensions.Options;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Files;

/// <summary>
/// Decides whether staged bytes may be kept as evidence. The extension must be on the allow-list, the content must be
/// that type by its own structure (magic bytes, then the container's inner names for Office formats), and a declared
/// media type, when the client sent a specific one, must agree. Refusals are <see cref="UploadRejectedException"/>s.
/// </summary>
public sealed class EvidenceInspector(IOptions<EvidenceOptions> options)
{
    private const int TailLength = 1024;

    /// <summary>Checks staged bytes by reading them whole (uploads staged in chunks over several requests).</summary>
    public async Task<InspectedFile> InspectAsync(Stream staged, string fileName, string? declaredContentType, CancellationToken ct)
    {
        var type = RequireAllowedName(fileName, options.Value.AllowZip);
        using var observer = new ContentObserver(type);
        var buffer = new byte[64 * 1024];
        staged.Position = 0;
        int read;
        while ((read = await staged.ReadAsync(buffer, ct)) > 0)
        {
            observer.Observe(buffer.AsSpan(0, read));
        }

        return await InspectAsync(staged, fileName, declaredContentType, observer.Finish(), ct);
    }

    /// <summary>
    /// Checks staged bytes whose whole-content facts were <paramref name="observed"/> while they streamed in; only the
    /// structural checks read the staged file again (its tail, or a container's directory).
    /// </summary>
    public async Task<InspectedFile> InspectAsync(Stream staged, string fileName, string? declaredContentType, ObservedContent observed, CancellationToken ct)
    {
        var settings = options.Value;
        var type = RequireAllowedName(fileName, settings.AllowZip);
        if (staged.Length != observed.Length)
        {
            // The store kept other bytes than the ones seen: never vouch for them with the observed digest.
            throw new InvalidOperationException($"Staged length {staged.Length} differs from the {observed.Length} bytes observed.");
        }

        if (observed.Length == 0)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "file-empty", "Berkas kosong (0 byte); pilih ulang berkasnya lalu unggah kembali.");
        }

        var family = ContentSniffer.Detect(observed.Head);
        await RequireContentOfTypeAsync(staged, type, family, observed.TextProblem, fileName, settings, ct);
        if (!EvidenceTypes.Fits(type, declaredContentType))
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "declared-type-mismatch",
                $"Jenis berkas yang dikirim ({EvidenceTypes.MediaType(declaredContentType)}) tidak sesuai dengan isinya ({type.Label}). Berkas tidak disimpan.");
        }

        return new InspectedFile(type, observed.Length, observed.Sha256);
    }

    /// <summary>The allowed type a name asks for; refused before any byte is stored when the extension is not allowed.</summary>
    public EvidenceType RequireAllowedName(string fileName, bool allowZip)
    {
        var type = EvidenceTypes.ForFileName(fileName, allowZip);
        if (type is null)
        {
            string extension = Path.GetExtension(fileName);
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "type-not-allowed",
                (extension.Length == 0 ? $"Nama berkas '{fileName}' tidak memiliki ekstensi." : $"Jenis berkas '{extension}' tidak diizinkan.")
                + $" Yang diizinkan: {EvidenceTypes.Describe(allowZip)}.");
        }

        return type;
    }

    private static async Task RequireContentOfTypeAsync(Stream staged, EvidenceType type, ContentFamily family, string? textProblem, string fileName,
        EvidenceOptions settings, CancellationToken ct)
    {
        switch (type.Kind)
        {
            case EvidenceKind.Pdf:
                Require(family == ContentFamily.Pdf, type, family, fileName);
                if (!await TailContainsAsync(staged, "%%EOF"u8.ToArray(), ct))
                {
                    throw new UploadRejectedException(StatusCodes.Status422UnprocessableEntity, "pdf-incomplete",
                        "Berkas PDF tidak lengkap (bagian akhirnya tidak ada), mungkin terputus saat disimpan atau diunduh. Simpan ulang lalu unggah kembali.");
                }

                break;
            case EvidenceKind.Png:
                Require(family == ContentFamily.Png, type, family, fileName);
                break;
            case EvidenceKind.Jpeg:
                Require(family == ContentFamily.Jpeg, type, family, fileName);
                break;
            case EvidenceKind.Doc or EvidenceKind.Xls:
                Require(family == ContentFamily.CompoundFile, type, family, fileName);
                var streams = await CompoundFileDirectory.StreamNamesAsync(staged, ct)
                    ?? throw new UploadRejectedException(StatusCodes.Status422UnprocessableEntity, "file-corrupt",
                        $"Berkas rusak atau tidak lengkap, sehingga tidak dapat dibaca sebagai {type.Label}. Simpan ulang berkasnya lalu unggah kembali.");
                bool matches = type.Kind == EvidenceKind.Doc ? streams.Contains("WordDocument") : streams.Contains("Workbook") || streams.Contains("Book");
                Require(matches, type, ContentFamily.CompoundFile, fileName);
                RequireNoMacros(streams.Contains("_VBA_PROJECT"), type);
                break;
            case EvidenceKind.Docx or EvidenceKind.Xlsx or EvidenceKind.Zip:
                Require(family == ContentFamily.Zip, type, family, fileName);
                var entries = await new ArchiveInspector(settings).InspectAsync(staged, type.Label, ct);
                if (type.Kind != EvidenceKind.Zip)
                {
                    string main = type.Kind == EvidenceKind.Docx ? "word/document.xml" : "xl/workbook.xml";
                    Require(entries.Contains("[Content_Types].xml") && entries.Contains(main), type, ContentFamily.Zip, fileName);
                    RequireNoMacros(entries.Any(e => e.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)), type);
                }

                break;
            case EvidenceKind.Csv:
                Require(family is ContentFamily.Unknown or ContentFamily.Markup or ContentFamily.Script, type, family, fileName);
                if (family != ContentFamily.Unknown || textProblem is not null)
                {
                    throw new UploadRejectedException(StatusCodes.Status422UnprocessableEntity, "csv-not-plain-text",
                        textProblem ?? "Berkas CSV memuat kode HTML atau skrip dan ditolak demi keamanan. Berkas tidak disimpan.");
                }

                break;
        }
    }

    private static void Require(bool condition, EvidenceType type, ContentFamily found, string fileName)
    {
        if (!condition)
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "content-mismatch",
                $"Isi berkas '{fileName}' bukan {type.Label}: yang terbaca adalah {ContentSniffer.Describe(found)}. Berkas tidak disimpan."
                + (found == ContentFamily.Heic ? " Ubah foto ke JPG (mis. lewat Pengaturan > Kamera > Format > Paling Kompatibel) lalu unggah kembali." : ""));
        }
    }

    private static void RequireNoMacros(bool hasMacros, EvidenceType type)
    {
        if (hasMacros)
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "macro-not-allowed",
                $"Dokumen {type.Label} ini berisi makro (VBA) dan ditolak demi keamanan. Simpan sebagai dokumen biasa tanpa makro lalu unggah kembali.");
        }
    }

    private static async Task<bool> TailContainsAsync(Stream staged, byte[] marker, CancellationToken ct)
    {
        long start = Math.Max(0, staged.Length - TailLength);
        var tail = new byte[staged.Length - start];
        staged.Position = start;
        await staged.ReadExactlyAsync(tail, ct);
        return tail.AsSpan().IndexOf(marker) >= 0;
    }
}
