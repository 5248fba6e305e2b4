using System.Text.RegularExpressions;

namespace SakipServerless.Importer.Pdf;

/// <summary>
/// Writes the lines outside the procedure table (letterhead, identity table, header blocks, signature) into the
/// line model as a text export has them: a paragraph gap becomes a blank line; a list number stands with its text
/// ("1." and the text after a hanging indent are one phrase); where a layout of side-by-side cells is under way
/// (identity fields, "Dasar Hukum | Kualifikasi Pelaksana"), each phrase goes into the cell under whose start it
/// begins, so a wrapped line of the right-hand block stays in the right-hand cell. Lines the word processor
/// wrapped stay separate lines (a text export would have joined them); the block parser joins a wrapped list item.
/// </summary>
internal static partial class PdfLooseLines
{
    /// <summary>A phrase starting this close to a cell's start (in points) begins in that cell.</summary>
    private const double Tolerance = 3;

    public static void Write(IEnumerable<PdfTextLine> lines, List<string> output, List<string?> places)
    {
        double[]? cells = null;
        PdfTextLine? previous = null;
        foreach (var line in lines)
        {
            if (previous is not null && (previous.Page != line.Page || previous.Bottom - line.Top > Math.Max(previous.Height, line.Height)))
            {
                output.Add("");
                places.Add(null);
                cells = null;
            }

            var phrases = JoinListNumbers(line.Phrases());
            if (phrases.Count >= 2 && (cells is null || phrases.Count > cells.Length || !Aligned(phrases, cells)))
            {
                cells = [.. phrases.Select(p => p.Left)];
            }

            output.Add(cells is null || phrases.Count == 0 ? string.Join('\t', phrases.Select(p => p.Text)) : Placed(phrases, cells));
            places.Add($"halaman {line.Page}");
            previous = line;
        }
    }

    private static bool Aligned(List<PdfBox> phrases, double[] cells) =>
        phrases.All(p => cells.Any(x => Math.Abs(x - p.Left) <= Tolerance)) || phrases.Count == 1;

    private static string Placed(List<PdfBox> phrases, double[] cells)
    {
        var texts = new List<string>();
        foreach (var phrase in phrases)
        {
            int cell = Math.Max(texts.Count, Array.FindLastIndex(cells, x => x <= phrase.Left + Tolerance));
            while (texts.Count < cell)
            {
                texts.Add("");
            }

            texts.Add(phrase.Text);
        }

        return string.Join('\t', texts);
    }

    private static List<PdfBox> JoinListNumbers(List<PdfBox> phrases)
    {
        var joined = new List<PdfBox>();
        for (int i = 0; i < phrases.Count; i++)
        {
            var p = phrases[i];
            if (i + 1 < phrases.Count && ListNumber().IsMatch(p.Text))
            {
                var text = phrases[++i];
                p = new PdfBox(p.Left, text.Right, Math.Min(p.Bottom, text.Bottom), Math.Max(p.Top, text.Top), p.Text + " " + text.Text);
            }

            joined.Add(p);
        }

        return joined;
    }

    [GeneratedRegex(@"^(?:\d{1,2}[.)]|[a-z][.)]|[-•])$", RegexOptions.CultureInvariant)]
    private static partial Regex ListNumber();
}
