using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SakipServerless.Core.Templates;
using SakipServerless.Importer.Sources;
using SakipServerless.Importer.Table;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Docx;

/// <summary>
/// Reads a Word SOP into <see cref="SourceLines"/>: the page header (where a letterhead often sits) and the body in
/// order, a paragraph per line, a table row per line. Merged cells are written as a text export writes them — a
/// cell spanning n grid columns (<c>gridSpan</c>) is its text followed by n−1 empty cells, and a cell continuing
/// a vertical merge (<c>vMerge</c>) is empty — so the table parsers see the same grid for every format. Drawings
/// and symbols become the glyphs the marker reader knows (<see cref="DocxMarkerGlyphs"/>); Word's automatic list
/// numbers, which are not in the text, are written out ("1. ") outside the procedure table, where they separate
/// the items of the header blocks (in a table cell as list items, "&lt;li&gt;1. …&lt;/li&gt;", like the text export's HTML lists).
/// </summary>
internal static class DocxSopReader
{
    public static SopImportException Damaged() =>
        new("Berkas .docx rusak atau bukan dokumen Word yang dapat dibaca. Buka dan simpan ulang dokumen di Word/LibreOffice, lalu impor lagi.");

    public static SourceLines Read(byte[] content)
    {
        DocxPackageGuard.Check(content);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = DocxPackageGuard.MaxDocumentPartBytes });
            var body = document.MainDocumentPart?.Document?.Body ?? throw Damaged();
            var output = new Output();
            // The first-page header, else the default one: where the kop surat lives when it is not in the body.
            var header = document.MainDocumentPart!.HeaderParts.Select(h => h.Header).FirstOrDefault(h => h is not null && h.InnerText.Trim().Length > 0);
            if (header is not null)
            {
                ReadBlock(header.ChildElements, output);
            }

            ReadBlock(body.ChildElements, output);
            if (!output.SawTable)
            {
                throw new SopImportException("Dokumen Word ini tidak memuat tabel. Tabel prosedur (kolom No, Kegiatan, Pelaksana, Mutu Baku) harus berupa tabel Word, bukan teks berspasi atau gambar.");
            }

            return new SourceLines(output.Lines, output.Places, output.Notes);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException or IOException)
        {
            throw Damaged();
        }
    }

    private sealed class Output
    {
        public List<string> Lines { get; } = [];

        public List<string?> Places { get; } = [];

        public List<ImportWarning> Notes { get; } = [];

        public int Tables { get; set; }

        public bool SawTable => Tables > 0;

        public void Add(string line, string? place = null)
        {
            Lines.Add(line);
            Places.Add(place);
        }
    }

    private static void ReadBlock(IEnumerable<OpenXmlElement> elements, Output output)
    {
        var numbering = new ListNumbering();
        foreach (var element in elements)
        {
            switch (element)
            {
                case Paragraph p:
                    foreach (var line in BodyParagraph(p, numbering))
                    {
                        output.Add(line);
                    }

                    break;
                case DocumentFormat.OpenXml.Wordprocessing.Table t:
                    numbering.Reset();
                    ReadTable(t, output);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } inner:
                    ReadBlock(inner.ChildElements, output);
                    break;
            }
        }
    }

    /// <summary>A body paragraph is a line; text boxes anchored in it (a letterhead drawn in a box) are lines of their own.</summary>
    private static IEnumerable<string> BodyParagraph(Paragraph p, ListNumbering numbering)
    {
        string text = CellText.Line(ParagraphText(p, inCell: false));
        string? prefix = numbering.Next(p);
        yield return prefix is null || text.Length == 0 ? text : prefix + text;
        foreach (var box in p.Descendants().Where(e => e.LocalName == "txbxContent"))
        {
            foreach (var inner in box.Elements<Paragraph>())
            {
                yield return CellText.Line(ParagraphText(inner, inCell: false));
            }
        }
    }

    private static void ReadTable(DocumentFormat.OpenXml.Wordprocessing.Table table, Output output)
    {
        var rows = table.Elements<TableRow>().ToList();
        // A one-column table is a frame around content (some offices box the whole SOP); read what it holds.
        if (rows.Count > 0 && rows.All(r => r.Elements<TableCell>().Count() == 1) && rows.Any(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().Any()))
        {
            foreach (var cell in rows.SelectMany(r => r.Elements<TableCell>()))
            {
                ReadBlock(cell.ChildElements, output);
            }

            return;
        }

        int tableNo = ++output.Tables;
        var grid = rows.Select(ReadRow).ToList();
        // Numbers are written out only outside the procedure table: there a "1." could be read as a step number.
        bool procedure = TableHeaderDetector.Detect([.. grid.Select(r => string.Join('\t', r.Select(c => c.Plain)))]) is not null;
        for (int r = 0; r < grid.Count; r++)
        {
            var cells = grid[r];
            output.Add(string.Join('\t', cells.Select(c => procedure ? c.Plain : c.Numbered)), $"tabel {tableNo} baris {r + 1}");
            for (int c = 0; c < cells.Count; c++)
            {
                if (procedure && cells[c].ContinuesMerge && r > 0 && HasStepNumber(cells) && !IsMergeInHeader(grid, r, c))
                {
                    output.Notes.Add(new(ImportWarningSeverity.Advisory,
                        $"Sel digabung vertikal dengan baris di atasnya; isinya dibaca hanya pada baris pertama gabungan. Periksa langkah {cells[0].Plain.Trim().TrimEnd('.', ')')}.",
                        $"tabel {tableNo} baris {r + 1}, kolom {c + 1}"));
                }
            }
        }
    }

    private static bool HasStepNumber(IReadOnlyList<GridCell> cells) => StepRows.TryNumber([.. cells.Select(c => c.Plain)], out _);

    private static bool IsMergeInHeader(List<List<GridCell>> grid, int row, int column)
    {
        for (int r = row - 1; r >= 0; r--)
        {
            if (column < grid[r].Count && !grid[r][column].ContinuesMerge)
            {
                return !HasStepNumber(grid[r]);
            }
        }

        return true;
    }

    private sealed record GridCell(string Plain, string Numbered, bool ContinuesMerge);

    private static List<GridCell> ReadRow(TableRow row)
    {
        var cells = new List<GridCell>();
        int before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
        for (int i = 0; i < before; i++)
        {
            cells.Add(new("", "", false));
        }

        foreach (var cell in row.Elements<TableCell>())
        {
            var props = cell.TableCellProperties;
            int span = Math.Max(1, props?.GridSpan?.Val?.Value ?? 1);
            var vMerge = props?.VerticalMerge;
            bool continues = vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue);
            // Legacy horizontal merge (w:hMerge) continues the cell to the left: an empty cell, as gridSpan does.
            bool hContinues = props?.HorizontalMerge is { } h && (h.Val is null || h.Val.Value == MergedCellValues.Continue);
            if (continues || hContinues)
            {
                cells.Add(new("", "", continues));
            }
            else
            {
                var (plain, numbered) = ReadCell(cell);
                cells.Add(new(plain, numbered, false));
            }

            for (int i = 1; i < span; i++)
            {
                cells.Add(new("", "", continues));
            }
        }

        return cells;
    }

    /// <summary>Paragraphs of a cell joined by cell breaks; nested tables contribute their text row by row.</summary>
    private static (string Plain, string Numbered) ReadCell(TableCell cell)
    {
        var plain = new List<string>();
        var numbered = new List<string>();
        var numbering = new ListNumbering();
        foreach (var p in cell.Descendants<Paragraph>().Where(p => !p.Ancestors().Any(a => a.LocalName == "txbxContent")))
        {
            string text = CellText.Line(ParagraphText(p, inCell: true));
            string? prefix = numbering.Next(p);
            if (text.Length == 0)
            {
                continue;
            }

            plain.Add(text);
            // As list items, so a plain paragraph after the list stays an item of its own: a Word paragraph never
            // continues the one above it, as a wrapped line of a text export would.
            numbered.Add(prefix is null ? text : $"<li>{prefix}{text}</li>");
        }

        return (string.Join(DocumentCleaner.CellBreak, plain), string.Join(DocumentCleaner.CellBreak, numbered));
    }

    /// <summary>The visible text of a paragraph: tracked deletions and field codes left out, drawings in a cell as marker glyphs.</summary>
    private static string ParagraphText(Paragraph p, bool inCell)
    {
        var sb = new StringBuilder();
        Walk(p, sb, inCell);
        return sb.ToString();
    }

    private static void Walk(OpenXmlElement element, StringBuilder sb, bool inCell)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    sb.Append(' ');
                    break;
                case Break or CarriageReturn:
                    sb.Append(DocumentCleaner.CellBreak);
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
                case SymbolChar sym:
                    sb.Append(DocxMarkerGlyphs.ForSymbol(sym.Font?.Value, sym.Char?.Value));
                    break;
                case Drawing or Picture or EmbeddedObject or AlternateContent:
                    if (inCell)
                    {
                        sb.Append(' ').Append(DocxMarkerGlyphs.ForShape(child)).Append(' ');
                        // Words written in the shape ("Mulai", "Ya") are part of the mark.
                        foreach (var box in child.Descendants().Where(e => e.LocalName == "txbxContent").Take(1))
                        {
                            sb.Append(string.Join(' ', box.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(x => x.Text))).Append(' ');
                        }
                    }

                    break;
                case DeletedRun or DeletedText or FieldCode or DeletedFieldCode or ParagraphProperties or RunProperties:
                    break;
                default:
                    Walk(child, sb, inCell);
                    break;
            }
        }
    }
}
