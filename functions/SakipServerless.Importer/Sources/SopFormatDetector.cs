namespace SakipServerless.Importer.Sources;

/// <summary>
/// Tells a .docx, a .pdf and a text export apart by their first bytes, and refuses, by name, the files people
/// upload by mistake (a program, an old .doc, an image, another archive), so the message says what to send instead.
/// </summary>
internal static class SopFormatDetector
{
    public static SopFileFormat Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("PK\x03\x04"u8) || content.StartsWith("PK\x05\x06"u8))
        {
            return SopFileFormat.Docx;
        }

        // A PDF may carry a few bytes of junk before its header; readers accept it within the first KB.
        int pdf = content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8);
        if (pdf >= 0)
        {
            return SopFileFormat.Pdf;
        }

        if (Refusal(content) is { } refusal)
        {
            throw new SopImportException(refusal);
        }

        return SopFileFormat.Text;
    }

    private static string? Refusal(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F'])
            || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]))
        {
            return "Berkas ini adalah program (mis. .exe), bukan dokumen SOP. Kirim dokumen SOP sebagai .docx, .pdf (dengan lapisan teks) atau teks.";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return "Berkas ini dokumen Word lama (.doc) atau paket Office lain, yang tidak dapat dibaca. Simpan ulang sebagai .docx (Word: Simpan Sebagai → Dokumen Word) lalu impor lagi.";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || head.StartsWith("GIF8"u8) || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return "Berkas ini gambar (hasil pindai atau foto), bukan dokumen dengan teks. Pengenalan teks (OCR) tidak didukung; kirim .docx atau PDF yang memiliki lapisan teks.";
        }

        if (head.StartsWith("Rar!"u8) || head.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF]) || head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "Berkas ini arsip (RAR/7z/gzip), bukan dokumen SOP. Kirim dokumen SOP sebagai .docx, .pdf atau teks.";
        }

        return null;
    }
}
