namespace SakipServerless.Importer.Pdf;

/// <summary>A rectangle in PDF user space (y grows upwards), with the text it holds when it is a word or phrase.</summary>
internal readonly record struct PdfBox(double Left, double Right, double Bottom, double Top, string Text = "")
{
    public double CenterX => (Left + Right) / 2;

    public double Width => Right - Left;

    public double Height => Top - Bottom;

    public bool OverlapsHorizontally(PdfBox other) => Left < other.Right && other.Left < Right;
}
