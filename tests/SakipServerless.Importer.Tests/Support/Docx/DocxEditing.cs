using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SakipServerless.Importer.Tests.Support.Docx;

/// <summary>
/// Changes a written .docx the way another word processor or another typist would have made it: the same mark as
/// a Wingdings symbol or a drawn shape instead of a typed glyph, two cells of a column merged down.
/// </summary>
public static class DocxEditing
{
    /// <summary>Replaces every run whose whole text is <paramref name="glyph"/> with the run <paramref name="replacement"/> makes.</summary>
    public static byte[] ReplaceGlyph(byte[] docx, string glyph, Func<OpenXmlElement> replacement) => Edit(docx, body =>
    {
        foreach (var run in body.Descendants<Run>().Where(r => r.InnerText.Trim() == glyph).ToList())
        {
            run.InsertAfterSelf(replacement());
            run.Remove();
        }
    });

    /// <summary>Merges the cell of <paramref name="column"/> in table row <paramref name="row"/> down over the next row (its own content is dropped, as Word does).</summary>
    public static byte[] MergeDown(byte[] docx, int table, int row, int column) => Edit(docx, body =>
    {
        var rows = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ElementAt(table).Elements<TableRow>().ToList();
        var first = rows[row].Elements<TableCell>().ElementAt(column);
        var next = rows[row + 1].Elements<TableCell>().ElementAt(column);
        (first.TableCellProperties ??= new TableCellProperties()).Append(new VerticalMerge { Val = MergedCellValues.Restart });
        (next.TableCellProperties ??= new TableCellProperties()).Append(new VerticalMerge());
        foreach (var paragraph in next.Elements<Paragraph>().ToList())
        {
            paragraph.Remove();
        }

        next.Append(new Paragraph());
    });

    /// <summary>Word's Insert → Symbol from Wingdings: the character is a code in the font, not the Unicode glyph.</summary>
    public static OpenXmlElement WingdingsSymbol(string code) => new Run(new SymbolChar { Font = "Wingdings", Char = code });

    /// <summary>A VML rectangle, as older Word versions (and many templates copied from them) store a drawn box.</summary>
    public static OpenXmlElement VmlBox() => new Run(new Picture(
        """<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"><v:rect style="width:28pt;height:16pt" strokecolor="black"/></w:pict>"""));

    /// <summary>The main document part's XML, for tests to check an edit took place.</summary>
    public static string DocumentXml(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] Edit(byte[] docx, Action<Body> change)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            change(document.MainDocumentPart!.Document!.Body!);
            document.MainDocumentPart.Document.Save();
        }

        return stream.ToArray();
    }
}
