namespace SakipServerless.Api.Files;

/// <summary>
/// Fed every byte of a CSV upload: it must be text (no NUL or other control bytes besides tab and line ends; UTF-8 or
/// the Windows code page Excel writes are both fine) and carry no markup or script a browser or spreadsheet might run.
/// </summary>
public sealed class TextScanner
{
    private static readonly byte[][] Markers = ["<script"u8.ToArray(), "<html"u8.ToArray(), "<svg"u8.ToArray(), "<iframe"u8.ToArray(), "javascript:"u8.ToArray()];
    private static readonly int Overlap = Markers.Max(m => m.Length) - 1;

    private readonly byte[] _tail = new byte[Overlap];
    private int _tailLength;

    /// <summary>Null while the text is acceptable; otherwise why not (Bahasa Indonesia).</summary>
    public string? Problem { get; private set; }

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        if (Problem is not null)
        {
            return;
        }

        foreach (byte b in chunk)
        {
            if (b == 0)
            {
                Problem = "Berkas CSV harus berupa teks, tetapi memuat byte NUL (mungkin disimpan sebagai \"Unicode Text\" atau bukan CSV). Dari Excel, pilih \"CSV UTF-8 (Comma delimited)\".";
                return;
            }

            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                Problem = "Berkas CSV harus berupa teks, tetapi memuat karakter kontrol biner. Simpan ulang sebagai CSV dari Excel.";
                return;
            }
        }

        // Look for markers across chunk boundaries: the last bytes of the previous chunk lead the next one.
        Span<byte> window = new byte[_tailLength + chunk.Length];
        _tail.AsSpan(0, _tailLength).CopyTo(window);
        chunk.CopyTo(window[_tailLength..]);
        for (int i = 0; i < window.Length; i++)
        {
            window[i] = window[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(window[i] + 32) : window[i];
        }

        foreach (var marker in Markers)
        {
            if (window.IndexOf(marker) >= 0)
            {
                Problem = "Berkas CSV memuat kode HTML atau skrip dan ditolak demi keamanan. Berkas tidak disimpan.";
                return;
            }
        }

        _tailLength = Math.Min(Overlap, window.Length);
        window[^_tailLength..].CopyTo(_tail);
    }
}
