namespace SakipServerless.Api.Files;

/// <summary>Recognises a file from its magic bytes; the name and the declared type play no part.</summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 64;

    public static ContentFamily Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return ContentFamily.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ContentFamily.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ContentFamily.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return ContentFamily.CompoundFile;
        }

        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
        {
            return ContentFamily.Zip;
        }

        if (head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F'])
            || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]))
        {
            return ContentFamily.Executable;
        }

        if (head.StartsWith("Rar!\x1A\x07"u8) || head.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF]) || head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return ContentFamily.OtherArchive;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) || IsBitmap(head) || (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return ContentFamily.OtherImage;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && (head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("heix"u8) || head[8..12].SequenceEqual("mif1"u8)))
        {
            return ContentFamily.Heic;
        }

        var text = SkipBomAndSpace(head);
        if (text.StartsWith("#!"u8))
        {
            return ContentFamily.Script;
        }

        return text.Length > 0 && text[0] == (byte)'<' ? ContentFamily.Markup : ContentFamily.Unknown;
    }

    /// <summary>How a refused family is named to the person who sent it.</summary>
    public static string Describe(ContentFamily family) => family switch
    {
        ContentFamily.Pdf => "PDF",
        ContentFamily.Png => "gambar PNG",
        ContentFamily.Jpeg => "gambar JPG",
        ContentFamily.CompoundFile => "dokumen Office lama atau paket lain",
        ContentFamily.Zip => "arsip ZIP",
        ContentFamily.Executable => "program (mis. .exe)",
        ContentFamily.Script => "skrip",
        ContentFamily.Markup => "halaman HTML/SVG/XML",
        ContentFamily.OtherArchive => "arsip RAR/7z/gzip",
        ContentFamily.OtherImage => "gambar dengan format lain (GIF/BMP/WebP/TIFF)",
        ContentFamily.Heic => "foto HEIC (format bawaan iPhone)",
        _ => "data yang tidak dikenali",
    };

    /// <summary>"BM" alone would also match text such as a CSV starting "BMKG"; a bitmap has zero reserved bytes after its size.</summary>
    private static bool IsBitmap(ReadOnlySpan<byte> head) => head.Length >= 14 && head.StartsWith("BM"u8) && head[6..10].IndexOfAnyExcept((byte)0) < 0;

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        int i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return head[i..];
    }
}
