using System.IO.Compression;

namespace SakipServerless.Api.Files;

/// <summary>
/// Checks a ZIP container (docx, xlsx, or a plain archive) without extracting it anywhere: it must open, stay within
/// the entry count, declare a total and per-entry compression ratio a real document has, and really inflate to no more
/// than declared limits (headers can lie; the bytes are counted as they are inflated, and counting stops at the limit).
/// </summary>
public sealed class ArchiveInspector(EvidenceOptions options)
{
    private const long RatioFloorBytes = 1024 * 1024;

    /// <summary>The entry names (full paths inside the archive), or an <see cref="UploadRejectedException"/>.</summary>
    public async Task<IReadOnlySet<string>> InspectAsync(Stream file, string label, CancellationToken ct)
    {
        file.Position = 0;
        try
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > options.MaxArchiveEntries)
            {
                throw Bomb($"berisi {archive.Entries.Count} entri (paling banyak {options.MaxArchiveEntries})");
            }

            long declared = 0;
            foreach (var entry in archive.Entries)
            {
                declared += entry.Length;
                if (declared > options.MaxUncompressedBytes)
                {
                    throw Bomb($"mengembang menjadi lebih dari {Core.Runs.IndonesianFormat.Size(options.MaxUncompressedBytes)}");
                }

                if (entry.Length > RatioFloorBytes && entry.Length / Math.Max(1, entry.CompressedLength) > options.MaxCompressionRatio)
                {
                    throw Bomb("memiliki rasio pemadatan yang tidak wajar");
                }
            }

            long inflated = 0;
            var buffer = new byte[64 * 1024];
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
            {
                names.Add(entry.FullName);
                await using var content = entry.Open();
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    inflated += read;
                    if (inflated > options.MaxUncompressedBytes)
                    {
                        throw Bomb($"mengembang menjadi lebih dari {Core.Runs.IndonesianFormat.Size(options.MaxUncompressedBytes)}");
                    }
                }
            }

            return names;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            throw new UploadRejectedException(StatusCodes.Status422UnprocessableEntity, "file-corrupt",
                $"Berkas rusak, terenkripsi atau tidak lengkap, sehingga tidak dapat dibaca sebagai {label}. Simpan ulang berkasnya lalu unggah kembali.");
        }
    }

    private static UploadRejectedException Bomb(string why) =>
        new(StatusCodes.Status422UnprocessableEntity, "archive-bomb",
            $"Arsip ini {why} saat dibuka, sehingga ditolak demi keamanan server. Berkas tidak disimpan.");
}
