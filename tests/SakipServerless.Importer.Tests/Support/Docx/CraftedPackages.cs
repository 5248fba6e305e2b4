using System.IO.Compression;
using System.Text;

namespace SakipServerless.Importer.Tests.Support.Docx;

/// <summary>ZIP packages that are not the Word document they pretend to be: bombs, spreadsheets, cut-off files.</summary>
public static class CraftedPackages
{
    /// <summary>A "docx" whose document part inflates from a few KB to <paramref name="megabytes"/> MB of zeros.</summary>
    public static byte[] ZipBomb(int megabytes = 64)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++)
            {
                part.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    /// <summary>An Excel workbook's package: a ZIP, but with xl/ parts and no word/document.xml.</summary>
    public static byte[] Spreadsheet()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            Add(zip, "xl/workbook.xml", """<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>""");
        }

        return stream.ToArray();
    }

    /// <summary>A Windows program renamed to .docx: "MZ", a DOS stub, the PE header further on.</summary>
    public static byte[] RenamedExecutable()
    {
        var bytes = new byte[4096];
        "MZ"u8.CopyTo(bytes);
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 0x4E);
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
