namespace SakipServerless.Importer.Pdf;

/// <summary>
/// One page's text lines, top to bottom, the boxes of shapes and images drawn on it, and its ruling lines
/// (table borders): horizontal ones as boxes of no height, vertical ones as boxes of no width.
/// </summary>
internal sealed record PdfPageContent(int Number, IReadOnlyList<PdfTextLine> Lines, IReadOnlyList<PdfBox> Shapes, IReadOnlyList<PdfBox> HorizontalRules, IReadOnlyList<PdfBox> VerticalRules);
