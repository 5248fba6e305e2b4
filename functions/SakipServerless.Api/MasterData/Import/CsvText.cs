using System.Text;

namespace SakipServerless.Api.MasterData.Import;

/// <summary>
/// Turns the uploaded bytes into text. A BOM decides (UTF-8, or UTF-16 from Excel's "Unicode Text"); without one the
/// bytes are read as UTF-8 if they are valid UTF-8, else as Windows-1252 — what Excel's plain "CSV" saves on an
/// Indonesian Windows, and a file people should not have to re-save.
/// </summary>
public static class CsvText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (TryUtf8(span[3..]) ?? Windows1252().GetString(span[3..]), "utf-8-bom");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(span[2..]), "utf-16le");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(span[2..]), "utf-16be");
        }

        return TryUtf8(span) is { } text ? (text, "utf-8") : (Windows1252().GetString(span), "windows-1252");
    }

    private static string? TryUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static Encoding Windows1252()
    {
        // Code pages beyond Latin-1 ship with .NET but are opt-in; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
