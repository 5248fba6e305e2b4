using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SakipServerless.Importer.Tests.Support.Docx;

/// <summary>
/// Lays an SOP out as a Word document the way agencies write it in the PermenPAN-RB 35/2012 format, from the
/// content of a text export: letterhead and signature as paragraphs, the identity block as a table whose
/// letterhead cell is merged down (vMerge), header blocks as tables or Word-numbered lists, and the procedure
/// table with "Pelaksana" and "Mutu Baku" merged across their columns (gridSpan), No/Kegiatan/Keterangan merged
/// down over the title row below, a repeating header row, and the actor marks as written (arrows, Mulai, Ya/Tidak)
/// or, for checkboxes, as flowchart shapes drawn in the cell (<see cref="SopDocxOptions.CheckboxesAsShapes"/>).
/// Word's own numbering replaces the typed "1." of list items, as in a real document.
/// </summary>
/// <remarks>
/// Test material, deliberately independent of the importer's code: it knows the layout, not the parser. Shared
/// with the API and CLI tests and the benchmark by linking this folder.
/// </remarks>
public static partial class SopDocxWriter
{
    private const string CheckboxToken = "\uE000";

    public static byte[] FromExport(string exportText, SopDocxOptions? options = null)
    {
        options ??= new SopDocxOptions();
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var numbering = new Numbering(new AbstractNum(
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" })) { LevelIndex = 0 })
            { AbstractNumberId = 1 });
            var lists = new ListIds(numbering);
            var body = new Body();
            var lines = Clean(exportText).Split('\n');
            ProcedureHeader? procedureHeader = null;
            for (int i = 0; i < lines.Length;)
            {
                if (!lines[i].Contains('\t'))
                {
                    body.Append(BodyParagraph(lines[i], lists, i > 0 ? lines[i - 1] : ""));
                    i++;
                    continue;
                }

                int width = Cells(lines[i]).Length;
                bool procedure = NoHeader().IsMatch(Cells(lines[i])[0].Trim());
                // Numbered rows after a blank line under the procedure table continue it: the document split the
                // table there (a second table of the same columns, as Word keeps it when a paragraph is typed between).
                bool continuation = procedureHeader is not null && StepRow().IsMatch(Cells(lines[i])[0].Trim());
                int j = i;
                // A procedure table keeps its numbered rows even where the export wrote a cell more or less.
                while (j < lines.Length && lines[j].Contains('\t') && (Cells(lines[j]).Length == width || (procedure && j > i + 1) || continuation))
                {
                    j++;
                }

                var rows = lines[i..j].Select(l => procedure || continuation ? Fit(Cells(l), continuation ? procedureHeader!.Top.Length : width) : Cells(l)).ToList();
                if (IsProcedureHeader(rows))
                {
                    procedureHeader = new ProcedureHeader(rows[0], rows[1]);
                    body.Append(ProcedureTable(procedureHeader, rows.Skip(2), lists, options, withHeader: true));
                }
                else if (continuation)
                {
                    body.Append(ProcedureTable(procedureHeader!, rows, lists, options, withHeader: false));
                }
                else
                {
                    body.Append(PlainTable(rows, lists));
                }

                body.Append(new Paragraph());
                i = j;
            }

            body.Append(new SectionProperties(
                new W.PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1000, Bottom = 1000, Left = 800, Right = 800, Header = 500, Footer = 500, Gutter = 0 }));
            main.Document = new Document(body);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Liberation Sans", HighAnsi = "Liberation Sans" }, new FontSize { Val = "18" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
        }

        return stream.ToArray();
    }

    /// <summary>The export's inline markup as Word would hold it: bold is formatting, a checkbox is a mark to draw.</summary>
    private static string Clean(string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        text = CheckboxTag().Replace(text, CheckboxToken);
        text = InlineTag().Replace(text, "");
        text = text.Replace("**", "").Replace("&nbsp;", " ");
        return string.Join('\n', text.Split('\n').Select(l => l.Trim(' ')));
    }

    private static string[] Cells(string line) => line.Split('\t');

    private static string[] Fit(string[] cells, int width) =>
        cells.Length >= width ? cells[..width] : [.. cells, .. Enumerable.Repeat("", width - cells.Length)];

    private static bool IsProcedureHeader(List<string[]> rows) =>
        rows.Count >= 3 && NoHeader().IsMatch(rows[0][0].Trim()) && rows[1][0].Trim().Length == 0;

    private static Paragraph BodyParagraph(string line, ListIds lists, string previous)
    {
        var m = NumberedItem().Match(line);
        if (m.Success)
        {
            bool continues = NumberedItem().IsMatch(previous);
            return ListParagraph(m.Groups["text"].Value, continues ? lists.Current : lists.Start());
        }

        return Para(line);
    }

    private static W.Table PlainTable(List<string[]> rows, ListIds lists)
    {
        var table = NewTable(rows[0].Length, (16838 - 2000) / rows[0].Length, borders: false);
        for (int r = 0; r < rows.Count; r++)
        {
            var row = new TableRow();
            for (int c = 0; c < rows[r].Length; c++)
            {
                var cell = ContentCell(rows[r][c], lists);
                // The letterhead cell of an identity table runs down beside its rows.
                if (c == 0 && rows[r][0].Trim().Length == 0 && r > 0 && rows.Take(r).Any(x => x[0].Trim().Length > 0))
                {
                    cell = new TableCell(new TableCellProperties(new VerticalMerge()), new Paragraph());
                }
                else if (c == 0 && r + 1 < rows.Count && rows[r + 1][0].Trim().Length == 0 && rows[r][0].Trim().Length > 0)
                {
                    cell.TableCellProperties ??= new TableCellProperties();
                    cell.TableCellProperties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                }

                row.Append(cell);
            }

            table.Append(row);
        }

        return table;
    }

    /// <summary>The two title rows of the procedure table, which a continuation table shares the columns of.</summary>
    private sealed record ProcedureHeader(string[] Top, string[] Sub);

    private static W.Table ProcedureTable(ProcedureHeader header, IEnumerable<string[]> rows, ListIds lists, SopDocxOptions options, bool withHeader)
    {
        string[] top = header.Top, sub = header.Sub;
        int width = top.Length;
        var widths = ColumnWidths(top, sub);
        var table = NewTable(width, 0, borders: options.TableBorders);
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        table.Append(grid);
        if (withHeader)
        {
            AppendTitleRows(table, top, sub, widths);
        }

        const int firstActor = 2;
        foreach (var cells in rows)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (int c = 0; c < width; c++)
            {
                bool actorColumn = c >= firstActor && top.Take(c + 1).Any(t => PelaksanaHeader().IsMatch(t.Trim())) && !MutuHeader().IsMatch(top[c].Trim()) && c < FirstMutu(top, sub);
                var cell = actorColumn ? MarkCell(cells[c], options) : ContentCell(cells[c], lists);
                cell.TableCellProperties ??= new TableCellProperties();
                if (options.CentredRows && !actorColumn)
                {
                    cell.TableCellProperties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                }

                cell.TableCellProperties.Append(new TableCellWidth { Width = widths[c].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                row.Append(cell);
            }

            table.Append(row);
        }

        return table;
    }

    private static void AppendTitleRows(W.Table table, string[] top, string[] sub, int[] widths)
    {
        int width = top.Length;

        // Title row: a label over empty neighbours whose titles are below spans them; a label with nothing below runs down.
        var first = new TableRow(new TableRowProperties(new TableHeader()));
        for (int c = 0; c < width;)
        {
            int span = 1;
            while (c + span < width && top[c + span].Trim().Length == 0 && sub[c + span].Trim().Length > 0 && top[c].Trim().Length > 0 && sub[c].Trim().Length > 0)
            {
                span++;
            }

            var props = new TableCellProperties(new TableCellWidth { Width = widths.Skip(c).Take(span).Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (span > 1)
            {
                props.Append(new GridSpan { Val = span });
            }

            if (sub[c].Trim().Length == 0)
            {
                props.Append(new VerticalMerge { Val = MergedCellValues.Restart });
            }

            props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            first.Append(new TableCell(props, Para(top[c], bold: true, center: true)));
            c += span;
        }

        table.Append(first);
        var second = new TableRow(new TableRowProperties(new TableHeader()));
        for (int c = 0; c < width; c++)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (sub[c].Trim().Length == 0)
            {
                props.Append(new VerticalMerge());
            }

            second.Append(new TableCell(props, Para(sub[c], bold: true, center: true)));
        }

        table.Append(second);
    }

    private static int FirstMutu(string[] top, string[] sub)
    {
        for (int c = 0; c < top.Length; c++)
        {
            if (MutuHeader().IsMatch(top[c].Trim()) || MutuTitle().IsMatch(sub[c].Trim()) || MutuTitle().IsMatch(top[c].Trim()))
            {
                return c;
            }
        }

        return top.Length;
    }

    /// <summary>Widths as a landscape SOP table uses them: a narrow No, a wide Kegiatan, narrow actor and Waktu columns.</summary>
    private static int[] ColumnWidths(string[] top, string[] sub)
    {
        int mutu = FirstMutu(top, sub);
        var widths = new int[top.Length];
        for (int c = 0; c < top.Length; c++)
        {
            string title = (sub[c].Trim().Length > 0 ? sub[c] : top[c]).Trim();
            widths[c] = c == 0 ? 560
                : c == 1 ? 2800
                : c < mutu ? 1350
                : Regex.IsMatch(title, "^waktu", RegexOptions.IgnoreCase) ? 1300
                : 1600;
        }

        return widths;
    }

    private static W.Table NewTable(int columns, int columnWidth, bool borders)
    {
        var props = new TableProperties(new TableWidth { Type = TableWidthUnitValues.Auto, Width = "0" }, new TableLayout { Type = TableLayoutValues.Fixed });
        if (borders)
        {
            props.Append(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }));
        }

        var table = new W.Table(props);
        // Equal columns unless the caller lays out its own grid (the procedure table's widths differ per column).
        if (columnWidth > 0)
        {
            table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = columnWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        }

        return table;
    }

    /// <summary>A cell of running text: a list written as list items becomes Word-numbered paragraphs.</summary>
    private static TableCell ContentCell(string text, ListIds lists)
    {
        var items = ListItem().Matches(text).Select(m => m.Groups["text"].Value.Trim()).ToList();
        var cell = new TableCell();
        if (items.Count > 0)
        {
            // The block's label ("Dasar Hukum :") is a paragraph of its own above the list.
            string label = ListTag().Replace(text[..text.IndexOf("<li>", StringComparison.OrdinalIgnoreCase)], " ").Trim();
            if (label.Length > 0)
            {
                cell.Append(Para(label));
            }

            int id = lists.Start();
            foreach (var item in items)
            {
                // A typed number with nothing after it ("7.") is an empty item of Word's numbered list.
                string typed = NumberedItem().Match(item) is { Success: true } m ? m.Groups["text"].Value : EmptyNumber().IsMatch(item) ? "" : item;
                cell.Append(ListParagraph(typed, id));
            }

            // Text after the list is a closing paragraph under it.
            string closing = ListTag().Replace(text[(text.LastIndexOf("</li>", StringComparison.OrdinalIgnoreCase) + 5)..], " ").Trim();
            if (closing.Length > 0)
            {
                cell.Append(Para(closing));
            }

            return cell;
        }

        cell.Append(Para(ListTag().Replace(text, " ").Trim()));
        return cell;
    }

    /// <summary>A Pelaksana cell: its marks centred; a checkbox of the export is drawn as a flowchart box.</summary>
    private static TableCell MarkCell(string text, SopDocxOptions options)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        foreach (var part in Regex.Split(text.Trim(), $"({CheckboxToken})"))
        {
            if (part == CheckboxToken)
            {
                if (options.CheckboxesAsShapes)
                {
                    paragraph.Append(new Run(Shape(options.ShapeId++)));
                }
                else
                {
                    paragraph.Append(new Run(new W.Text("☐")));
                }
            }
            else if (part.Trim().Length > 0)
            {
                paragraph.Append(new Run(new W.Text(part.Trim()) { Space = SpaceProcessingModeValues.Preserve }));
            }
        }

        return new TableCell(new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), paragraph);
    }

    /// <summary>An inline DrawingML shape (what Word's Insert → Shapes puts in a cell): a flowchart process box unless told.</summary>
    public static Drawing Shape(int id, string preset = "flowChartProcess") => new($"""
        <w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
          <wp:inline distT="0" distB="0" distL="0" distR="0">
            <wp:extent cx="360000" cy="216000"/>
            <wp:docPr id="{id}" name="Proses {id}"/>
            <a:graphic>
              <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
                <wps:wsp>
                  <wps:cNvSpPr/>
                  <wps:spPr>
                    <a:xfrm><a:off x="0" y="0"/><a:ext cx="360000" cy="216000"/></a:xfrm>
                    <a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>
                    <a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>
                    <a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>
                  </wps:spPr>
                  <wps:bodyPr/>
                </wps:wsp>
              </a:graphicData>
            </a:graphic>
          </wp:inline>
        </w:drawing>
        """);

    private static Paragraph Para(string text, bool bold = false, bool center = false)
    {
        var paragraph = new Paragraph();
        if (center)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        var parts = text.Split(["<br>", "<br/>", "<br />"], StringSplitOptions.None);
        for (int i = 0; i < parts.Length; i++)
        {
            var run = new Run();
            if (bold)
            {
                run.Append(new RunProperties(new Bold()));
            }

            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new W.Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }

        return paragraph;
    }

    private static Paragraph ListParagraph(string text, int numId) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId })),
            new Run(new W.Text(text.Trim()) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>Each list restarts at 1: its own w:num over the one decimal definition.</summary>
    private sealed class ListIds(Numbering numbering)
    {
        public int Current { get; private set; }

        public int Start()
        {
            Current++;
            numbering.Append(new NumberingInstance(new AbstractNumId { Val = 1 }, new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = Current });
            return Current;
        }
    }

    [GeneratedRegex(@"<input\b[^>]*checkbox[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex CheckboxTag();

    [GeneratedRegex(@"</?(?:b|strong|i|em|u|span)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"</?(?:ol|ul|li)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListTag();

    [GeneratedRegex(@"<li>(?<text>.*?)</li>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s*\d{1,2}\.\s+(?<text>.+)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^\d{1,3}\.?$")]
    private static partial Regex StepRow();

    [GeneratedRegex(@"^\s*\d{1,2}\.\s*$")]
    private static partial Regex EmptyNumber();

    [GeneratedRegex(@"^no\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex NoHeader();

    [GeneratedRegex(@"^pelaksana", RegexOptions.IgnoreCase)]
    private static partial Regex PelaksanaHeader();

    [GeneratedRegex(@"^mutu", RegexOptions.IgnoreCase)]
    private static partial Regex MutuHeader();

    [GeneratedRegex(@"^(?:persyaratan|kelengkapan|waktu|output|ouput)", RegexOptions.IgnoreCase)]
    private static partial Regex MutuTitle();
}
