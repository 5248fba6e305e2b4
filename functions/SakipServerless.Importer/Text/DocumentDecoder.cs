using System.Text;

namespace SakipServerless.Importer.Text;

/// <summary>
/// Decodes an uploaded or read SOP file: UTF-8 (with or without BOM), UTF-16 with BOM, and otherwise Latin-1,
/// which every byte sequence decodes to, so an old export still imports with a warning instead of failing.
/// </summary>
public static class DocumentDecoder
{
    public static DecodedDocument Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(new UTF8Encoding(false).GetString(content[3..]), null);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(Encoding.Unicode.GetString(content[2..]), null);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(Encoding.BigEndianUnicode.GetString(content[2..]), null);
        }

        try
        {
            return new(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content), null);
        }
        catch (DecoderFallbackException)
        {
            return new(Encoding.Latin1.GetString(content), "Berkas bukan teks UTF-8; dibaca sebagai Latin-1. Periksa huruf beraksen pada hasil impor.");
        }
    }
}
