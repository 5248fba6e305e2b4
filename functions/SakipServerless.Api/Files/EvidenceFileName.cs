using System.Globalization;
using System.Text;

namespace SakipServerless.Api.Files;

/// <summary>
/// Turns the name a client sent into the name we show and offer on download. Names that try to be paths (folders,
/// drive letters, <c>..</c>) or carry control characters are refused outright; what is merely awkward (characters
/// Windows forbids, reserved device names, invisible formatting marks, excess length) is cleaned. The name is never
/// used as a storage path: files are stored under server-chosen keys.
/// </summary>
public static class EvidenceFileName
{
    public const int MaxLength = 150;

    private static readonly HashSet<string> ReservedStems = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The cleaned name, or null with <paramref name="error"/> (Bahasa Indonesia) when the name is refused.</summary>
    public static string? Clean(string? raw, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            error = "Nama berkas wajib diisi (mis. laporan-tw1.pdf).";
            return null;
        }

        if (raw.Length > 4 * MaxLength)
        {
            error = $"Nama berkas terlalu panjang ({raw.Length} karakter); paling banyak {MaxLength} karakter.";
            return null;
        }

        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                error = "Nama berkas memuat karakter Unicode yang rusak.";
                return null;
            }

            if (char.IsControl(c))
            {
                error = "Nama berkas tidak boleh memuat karakter kontrol (mis. NUL atau baris baru).";
                return null;
            }
        }

        if (raw.Contains('/') || raw.Contains('\\'))
        {
            error = "Nama berkas tidak boleh memuat folder atau jalur (/ atau \\); kirim nama berkasnya saja.";
            return null;
        }

        if (raw.Length >= 2 && char.IsAsciiLetter(raw[0]) && raw[1] == ':')
        {
            error = "Nama berkas tidak boleh berupa jalur lengkap (mis. C:laporan.pdf); kirim nama berkasnya saja.";
            return null;
        }

        string trimmed = raw.Trim();
        if (trimmed is "." or ".." || trimmed.Split('.').All(p => p.Length == 0))
        {
            error = "Nama berkas tidak valid.";
            return null;
        }

        // Invisible formatting marks (zero-width spaces, right-to-left overrides that make "fdp.exe" look like "exe.pdf") go.
        var text = new StringBuilder(trimmed.Length);
        foreach (char c in trimmed.Normalize(NormalizationForm.FormC))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            text.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : char.IsWhiteSpace(c) ? ' ' : c);
        }

        string name = string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ');
        if (name.Length == 0)
        {
            error = "Nama berkas tidak valid.";
            return null;
        }

        string extension = Path.GetExtension(name);
        string stem = name[..^extension.Length];
        if (ReservedStems.Contains(stem.Split('.')[0].Trim()) || stem.Length == 0 || stem.StartsWith('.'))
        {
            stem = "_" + stem; // a device name or hidden-file name on some systems
        }

        if (stem.Length + extension.Length > MaxLength)
        {
            int keep = Math.Max(1, MaxLength - extension.Length);
            stem = char.IsHighSurrogate(stem[keep - 1]) ? stem[..(keep - 1)] : stem[..keep];
            stem = stem.TrimEnd(' ', '.');
        }

        return stem + extension;
    }
}
