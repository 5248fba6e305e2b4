using System.Globalization;
using System.Text;

namespace SakipServerless.Api.Seeding;

/// <summary>
/// A one-page PDF for a demo unit's evidence (its monthly report), so a seeded submission carries a file a reviewer
/// can open like any uploaded one. Written by hand: a font, a page and a text stream are all a report stub needs.
/// </summary>
internal static class DemoEvidencePdf
{
    public static byte[] Create(IReadOnlyList<string> lines)
    {
        var text = new StringBuilder("BT /F1 12 Tf 56 780 Td 16 TL\n");
        foreach (var line in lines)
        {
            text.Append('(').Append(Escape(line)).Append(") Tj T*\n");
        }

        text.Append("ET");
        string content = text.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Length {Latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>(objects.Length);
        for (int i = 0; i < objects.Length; i++)
        {
            offsets.Add(Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        int xref = Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (int offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1.GetBytes(pdf.ToString());
    }

    private static readonly Encoding Latin1 = Encoding.Latin1;

    // Outside WinAnsi a character prints as '?'; demo text is plain Indonesian, so that never shows.
    private static string Escape(string line) =>
        new string(line.Select(c => c > 0xFF ? '?' : c).ToArray())
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("(", "\\(", StringComparison.Ordinal)
            .Replace(")", "\\)", StringComparison.Ordinal);
}
