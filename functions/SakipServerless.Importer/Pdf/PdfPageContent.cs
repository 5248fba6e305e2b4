namespace SakipServerless.Importer.Pdf;

/// <summary>One page's text lines, top to bottom, and the boxes of shapes and images drawn on it.</summary>
internal sealed record PdfPageContent(int Number, IReadOnlyList<PdfTextLine> Lines, IReadOnlyList<PdfBox> Shapes);
