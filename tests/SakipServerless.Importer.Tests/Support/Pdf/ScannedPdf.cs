using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace SakipServerless.Importer.Tests.Support.Pdf;

/// <summary>
/// PDFs without a text layer, as a scanner or "print to image" makes them: each page only a picture (or only
/// drawn lines). Built with PdfPig's writer; the page image is a small grey PNG written here.
/// </summary>
public static class ScannedPdf
{
    public static byte[] PagesOfImages(int pages)
    {
        var builder = new PdfDocumentBuilder();
        byte[] png = GreyPng(64, 48);
        for (int i = 0; i < pages; i++)
        {
            var page = builder.AddPage(842, 595);
            page.AddPng(png, new PdfRectangle(20, 20, 822, 575));
        }

        return builder.Build();
    }

    /// <summary>A page of ruled lines and nothing else: no image, no text.</summary>
    public static byte[] OnlyLines()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(842, 595);
        for (int y = 100; y < 500; y += 40)
        {
            page.DrawLine(new PdfPoint(40, y), new PdfPoint(800, y));
        }

        return builder.Build();
    }

    private static byte[] GreyPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // no filter
                for (int x = 0; x < width; x++)
                {
                    zlib.WriteByte((byte)(((x / 8) + (y / 8)) % 2 == 0 ? 200 : 90));
                }
            }
        }

        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
