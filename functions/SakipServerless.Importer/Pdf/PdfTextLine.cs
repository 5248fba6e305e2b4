namespace SakipServerless.Importer.Pdf;

/// <summary>Words of one page that share a baseline, left to right.</summary>
internal sealed record PdfTextLine(int Page, IReadOnlyList<PdfBox> Words)
{
    public double Top { get; } = Words.Max(w => w.Top);

    public double Bottom { get; } = Words.Min(w => w.Bottom);

    public double Height => Top - Bottom;

    /// <summary>
    /// Words closer than a fraction of the type size are one phrase; farther apart they sit in different cells
    /// (cell padding on both sides plus the border is always wider than a space).
    /// </summary>
    public List<PdfBox> Phrases()
    {
        var phrases = new List<PdfBox>();
        double gap = Math.Max(2.5, Words.Select(w => w.Height).DefaultIfEmpty(8).Average() * 0.55);
        foreach (var w in Words)
        {
            if (phrases.Count > 0 && w.Left - phrases[^1].Right < gap)
            {
                var last = phrases[^1];
                phrases[^1] = new PdfBox(last.Left, Math.Max(last.Right, w.Right), Math.Min(last.Bottom, w.Bottom), Math.Max(last.Top, w.Top), last.Text + " " + w.Text);
            }
            else
            {
                phrases.Add(w);
            }
        }

        return phrases;
    }
}
