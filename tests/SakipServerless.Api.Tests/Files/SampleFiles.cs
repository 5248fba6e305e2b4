using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SakipServerless.Api.Tests.Files;

/// <summary>Small but structurally real evidence files of every allowed kind, and the hostile ones the attack set sends.</summary>
public static class SampleFiles
{
    public static byte[] Pdf(int padding = 0) => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + new string('%', padding) + "\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1×1 transparent PNG.</summary>
    public static byte[] Png() => Convert.FromHexString(
        "89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000A49444154789C6300010000050001" + "0D0A2DB40000000049454E44AE426082");

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Csv() => Encoding.UTF8.GetBytes("kode;indikator;realisasi\nIKU 1;Persentase penyelesaian konflik sosial;91,5\nIKU 2;Jumlah kejadian konflik sosial;1\n");

    /// <summary>CSV as Excel saves it on Windows in Indonesia: Windows-1252, with a non-ASCII byte.</summary>
    public static byte[] CsvWindows1252() => [.. Encoding.ASCII.GetBytes("kode;uraian\nIKU 1;Kegiatan caf"), 0xE9, .. "\n"u8];

    public static byte[] Docx(bool macro = false)
    {
        var entries = new List<(string, byte[])>
        {
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8.ToArray()),
            ("_rels/.rels", "<Relationships/>"u8.ToArray()),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"u8.ToArray()),
        };
        if (macro)
        {
            entries.Add(("word/vbaProject.bin", [1, 2, 3]));
        }

        return Zip([.. entries]);
    }

    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8.ToArray()),
        ("xl/workbook.xml", "<workbook/>"u8.ToArray()),
        ("xl/worksheets/sheet1.xml", "<worksheet/>"u8.ToArray()));

    public static byte[] Doc() => CompoundFile("WordDocument");

    public static byte[] Xls() => CompoundFile("Workbook");

    /// <summary>An installer package: the same container as .doc, without a Word stream.</summary>
    public static byte[] Msi() => CompoundFile("\u4840\u3F3F\u4577");

    public static byte[] Exe() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[120], .. "PE\0\0"u8];

    public static byte[] HtmlWithScript() => "<!DOCTYPE html><html><body><script>fetch('/api/me')</script></body></html>"u8.ToArray();

    public static byte[] SvgWithScript() => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

    /// <summary>A CSV that smuggles a script after ordinary rows.</summary>
    public static byte[] CsvWithScript() => "kode;catatan\nIKU 1;<script>alert(document.cookie)</script>\n"u8.ToArray();

    /// <summary>One entry of <paramref name="inflatedBytes"/> zeros: kilobytes on the wire, hundreds of megabytes when opened.</summary>
    public static byte[] ZipBomb(long inflatedBytes = 300L * 1024 * 1024)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("data.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                entry.Write(zeros);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A bomb whose headers lie: every entry declares 1 KB but inflates to 40 MB, so only counting the inflated bytes catches it.</summary>
    public static byte[] LyingZipBomb(int entries = 8)
    {
        var honest = Zip([.. Enumerable.Range(0, entries).Select(i => ($"part{i}.bin", new byte[40 * 1024 * 1024]))]);
        // Patch the uncompressed size in every local header (offset 22) and central directory entry (offset 24).
        var span = honest.AsSpan();
        for (int i = 0; i + 4 <= span.Length; i++)
        {
            if (span[i..].StartsWith("PK\x03\x04"u8))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(i + 22)..], 1024);
            }
            else if (span[i..].StartsWith("PK\x01\x02"u8))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(i + 24)..], 1024);
            }
        }

        return honest;
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A minimal OLE compound file (version 3, 512-byte sectors): header, one FAT sector, one directory sector with the
    /// root entry and one stream named <paramref name="streamName"/>. Enough for any reader that lists stream names.
    /// </summary>
    public static byte[] CompoundFile(string streamName)
    {
        var file = new byte[512 * 3];
        var header = file.AsSpan(0, 512);
        Convert.FromHexString("D0CF11E0A1B11AE1").CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1); // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1); // directory at sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], 0xFFFFFFFE);
        for (int i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + (4 * i))..], i == 0 ? 0u : 0xFFFFFFFF);
        }

        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD); // sector 0 holds the FAT
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE); // sector 1: the directory, one sector long

        var directory = file.AsSpan(1024, 512);
        WriteEntry(directory[..128], "Root Entry", 5);
        WriteEntry(directory[128..256], streamName, 2);
        return file;
    }

    private static void WriteEntry(Span<byte> entry, string name, byte type)
    {
        var encoded = Encoding.Unicode.GetBytes(name);
        encoded.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(encoded.Length + 2));
        entry[66] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], 0xFFFFFFFE);
    }
}
