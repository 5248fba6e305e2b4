using SakipServerless.Core.Templates;
using SakipServerless.Importer.Sources;
using SakipServerless.Importer.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace SakipServerless.Importer.Pdf;

/// <summary>
/// Reads a PDF SOP from its text layer: words with their positions, grouped into lines per page, then
/// <see cref="PdfTableRebuilder"/> turns the procedure table back into rows and cells. Lines outside that table
/// (letterhead, identity, header blocks, signature) become lines whose cells are split where words stand a cell
/// apart. A PDF without a text layer (a scan) is refused with a message saying so: OCR is out of scope.
/// </summary>
internal static class PdfSopReader
{
    /// <summary>An SOP is a few pages; this bounds the work a hostile or mistaken upload can cause.</summary>
    private const int MaxPages = 60;

    public static SourceLines Read(byte[] content)
    {
        List<PdfPageContent> pages;
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true });
            if (document.NumberOfPages > MaxPages)
            {
                throw new SopImportException($"PDF ini berisi {document.NumberOfPages} halaman; dokumen SOP paling banyak {MaxPages} halaman.");
            }

            pages = [];
            int images = 0;
            for (int n = 1; n <= document.NumberOfPages; n++)
            {
                var page = document.GetPage(n);
                images += page.NumberOfImages;
                pages.Add(Content(page));
            }

            if (pages.All(p => p.Lines.Count == 0))
            {
                throw new SopImportException(images > 0
                    ? "PDF ini hasil pindai (hanya gambar halaman, tanpa lapisan teks), sehingga isinya tidak dapat dibaca. Pengenalan teks (OCR) tidak didukung: kirim dokumen .docx aslinya, atau PDF yang diekspor dari Word/LibreOffice sehingga memiliki lapisan teks."
                    : "PDF ini tidak memiliki lapisan teks, sehingga isinya tidak dapat dibaca. Pengenalan teks (OCR) tidak didukung: kirim dokumen .docx aslinya, atau PDF yang diekspor dari Word/LibreOffice sehingga memiliki lapisan teks.");
            }

        }
        catch (PdfDocumentEncryptedException)
        {
            throw new SopImportException("PDF ini dilindungi kata sandi (terenkripsi). Kirim PDF tanpa kata sandi atau dokumen .docx aslinya.");
        }
        catch (Exception e) when (e is not (SopImportException or OutOfMemoryException or OperationCanceledException))
        {
            // PdfPig reports a damaged file through many exception types (its own format exceptions, but also
            // index, cast and key errors from a malformed object graph); to the person uploading it is one thing.
            throw new SopImportException("Berkas PDF rusak atau tidak dapat dibaca. Ekspor ulang dokumen SOP ke PDF dari Word/LibreOffice, atau kirim .docx aslinya.");
        }

        // Outside the catch: a fault in rebuilding the table is ours, not a damaged file, and must not be reported as one.
        return PdfTableRebuilder.Rebuild(pages);
    }

    private static PdfPageContent Content(Page page)
    {
        var words = page.GetWords()
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .Select(w => new PdfBox(w.BoundingBox.Left, w.BoundingBox.Right, w.BoundingBox.Bottom, w.BoundingBox.Top, CellText.Line(w.Text)))
            .OrderByDescending(w => w.Top)
            .ToList();

        var lines = new List<List<PdfBox>>();
        foreach (var w in words)
        {
            // Same line when the vertical middles are closer than half the word height.
            var line = lines.LastOrDefault(l => Math.Abs(Middle(l) - (w.Top + w.Bottom) / 2) < Math.Max(1.5, w.Height * 0.5));
            if (line is null)
            {
                lines.Add([w]);
            }
            else
            {
                line.Add(w);
            }
        }

        var drawn = page.Paths
            .Where(p => !p.IsClipping && (p.IsFilled || p.IsStroked))
            .Select(p => p.GetBoundingRectangle())
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .Select(r => new PdfBox(r.Left, r.Right, r.Bottom, r.Top))
            .ToList();
        // Shapes drawn in cells are flowchart marks; thin long ones are table borders.
        var shapes = drawn.Where(r => r.Width > 2.5 && r.Height > 2.5 && r.Width < 120 && r.Height < 120).ToList();
        var horizontal = drawn.Where(r => r.Height < 1.5 && r.Width > 5).ToList();
        var vertical = drawn.Where(r => r.Width < 1.5 && r.Height > 5).ToList();
        var pictures = page.GetImages().Select(i => new PdfBox(i.BoundingBox.Left, i.BoundingBox.Right, i.BoundingBox.Bottom, i.BoundingBox.Top)).ToList();

        return new PdfPageContent(page.Number, [.. lines.Select(l => new PdfTextLine(page.Number, [.. l.OrderBy(w => w.Left)])).OrderByDescending(l => l.Top)], [.. shapes, .. pictures], horizontal, vertical);

        static double Middle(List<PdfBox> line) => line.Average(w => (w.Top + w.Bottom) / 2);
    }
}
