using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// The rekap as an .xlsx a Kasubag can hand over: one sheet per OPD under a short name, each opening with a title block
/// (pemda, OPD in full, periode, status of the data, when it was printed) above a bold header row that stays frozen on
/// screen and repeats on every printed page; A4 landscape, one page wide. Numbers stay numbers, shown by satuan
/// (<see cref="RekapNumberFormats"/>), so the pemda can keep calculating.
/// </summary>
public static class RekapXlsxWriter
{
    public const string Title = "Rekap Capaian Kinerja";

    private const uint TitleStyle = 1;
    private const uint LabelStyle = 2;
    private const uint HeaderStyle = 3;
    private const uint WrappedStyle = 4;
    private const uint FirstNumberStyle = 5; // + (int)RekapNumberFormat
    private const uint FirstCustomFormat = 164; // ids below are Excel's built-in formats

    public static byte[] Write(RekapTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var names = new DefinedNames();
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            // A workbook needs at least one sheet: with no OPD in scope it holds the title and headers alone.
            var content = table.Sheets.Count > 0 ? table.Sheets : [new RekapSheet("", "Tidak ada OPD dalam cakupan", new RekapDataStatus(0, 0, 0), [])];
            uint index = 0;
            foreach (var sheet in content)
            {
                string name = sheet.OpdId.Length == 0 ? "Rekap" : RekapSheetName.For(sheet.OpdId, sheet.OpdName, taken);
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(table, sheet, out uint headerRow, out string filterRange);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = index + 1, Name = name });

                string quoted = "'" + name.Replace("'", "''") + "'";
                names.Append(new DefinedName($"{quoted}!${headerRow}:${headerRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = index });
                names.Append(new DefinedName($"{quoted}!{filterRange}") { Name = "_xlnm._FilterDatabase", LocalSheetId = index, Hidden = true });
                index++;
            }

            workbook.Workbook.Append(names);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The title block's rows as label and text; the header row follows them after one empty row.</summary>
    public static IReadOnlyList<(string Label, string Text)> TitleBlock(RekapHeading heading, RekapSheet sheet)
    {
        var lines = new List<(string, string)>
        {
            ("Pemda", heading.PemdaName),
            ("OPD", sheet.OpdName),
            ("Periode", heading.PeriodLabel),
        };
        if (heading.Sasaran is { } sasaran)
        {
            lines.Add(("Sasaran", sasaran));
        }

        lines.Add(("Status data", sheet.OpdId.Length == 0 ? "–" : sheet.Status.Text));
        lines.Add(("Dicetak", IndonesianFormat.DateTime(heading.PrintedAt)));
        if (heading.Cap is { } cap)
        {
            lines.Add(("Batas capaian", $"Capaian dibatasi paling tinggi {cap.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',')} %; "
                + "nilai bertanda * dibatasi, nilai sebenarnya di kolom Catatan."));
        }

        return lines;
    }

    private static Worksheet Worksheet(RekapTable table, RekapSheet sheet, out uint headerRow, out string filterRange)
    {
        var data = new SheetData();
        uint rowIndex = 1;
        data.Append(new Row(TextCell(0, rowIndex, Title, TitleStyle)) { RowIndex = rowIndex });
        foreach (var (label, text) in TitleBlock(table.Heading, sheet))
        {
            rowIndex++;
            data.Append(new Row(TextCell(0, rowIndex, label, LabelStyle), TextCell(1, rowIndex, text)) { RowIndex = rowIndex });
        }

        rowIndex += 2;
        uint header = headerRow = rowIndex;
        var headers = table.Headers;
        data.Append(new Row(headers.Select((h, c) => TextCell(c, header, h, HeaderStyle))) { RowIndex = header });

        int firstNumber = 3;
        foreach (var item in sheet.Rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            row.Append(TextCell(0, rowIndex, item.Sasaran, WrappedStyle), TextCell(1, rowIndex, item.Indikator, WrappedStyle), TextCell(2, rowIndex, item.Satuan));
            for (int i = 0; i < item.Cells.Count; i++)
            {
                if (item.Cells[i] is { Value: { } value } cell)
                {
                    var format = RekapNumberFormats.For(table.Columns[i].Measure, item.Satuan, cell, value);
                    row.Append(NumberCell(firstNumber + i, rowIndex, value, FirstNumberStyle + (uint)format));
                }
            }

            int predikat = firstNumber + table.Columns.Count;
            if (item.Predikat is { } text)
            {
                row.Append(TextCell(predikat, rowIndex, text));
            }

            if (item.Catatan.Length > 0)
            {
                row.Append(TextCell(predikat + 1, rowIndex, item.Catatan, WrappedStyle));
            }

            data.Append(row);
        }

        string firstData = $"A{headerRow + 1}";
        filterRange = $"$A${headerRow}:${Column(headers.Count - 1)}${Math.Max(rowIndex, headerRow)}";
        var frozen = new SheetViews(new SheetView(
            new Pane { VerticalSplit = headerRow, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
        { WorkbookViewId = 0U });
        uint last = (uint)headers.Count;
        var columns = new Columns(
            new Column { Min = 1, Max = 1, Width = 34, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 46, CustomWidth = true },
            new Column { Min = 3, Max = 3, Width = 11, CustomWidth = true },
            new Column { Min = 4, Max = last - 2, Width = 11.5, CustomWidth = true },
            new Column { Min = last - 1, Max = last - 1, Width = 15, CustomWidth = true },
            new Column { Min = last, Max = last, Width = 36, CustomWidth = true });
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            frozen,
            columns,
            data,
            new AutoFilter { Reference = filterRange.Replace("$", "", StringComparison.Ordinal) },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            // One page wide, as many pages down as the rows need (FitToHeight 0).
            new PageSetup { PaperSize = 9U, Orientation = OrientationValues.Landscape, FitToWidth = 1U, FitToHeight = 0U },
            new HeaderFooter(new OddFooter($"&L&8{Title} · &A&R&8Halaman &P dari &N")));
    }

    private static Cell TextCell(int column, uint row, string text, uint style = 0) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = Column(column) + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell NumberCell(int column, uint row, decimal value, uint style) => new(new CellValue(value.ToString(CultureInfo.InvariantCulture)))
    {
        CellReference = Column(column) + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.Number,
        StyleIndex = style,
    };

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        string name = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>
    /// Styles: 0 default, 1 title, 2 label, 3 header (bold, wrapped, shaded, bordered), 4 wrapped text, then one per
    /// <see cref="RekapNumberFormat"/> in its order (the capped capaian in italics).
    /// </summary>
    private static Stylesheet Styles()
    {
        var formats = Enum.GetValues<RekapNumberFormat>();
        var numberingFormats = new NumberingFormats(formats.Select(f => new NumberingFormat { NumberFormatId = FirstCustomFormat + (uint)f, FormatCode = RekapNumberFormats.Code(f) }))
        { Count = (uint)formats.Length };
        var cellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 2U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center })
            { NumberFormatId = 0U, FontId = 1U, FillId = 2U, BorderId = 1U, FormatId = 0U, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyAlignment = true });
        foreach (var format in formats)
        {
            cellFormats.Append(new CellFormat
            {
                NumberFormatId = FirstCustomFormat + (uint)format,
                FontId = format == RekapNumberFormat.CappedCapaian ? 3U : 0U,
                FillId = 0U,
                BorderId = 0U,
                FormatId = 0U,
                ApplyNumberFormat = true,
                ApplyFont = format == RekapNumberFormat.CappedCapaian ? true : null,
            });
        }

        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            numberingFormats,
            new Fonts(
                new Font(new FontSize { Val = 11D }),
                new Font(new Bold(), new FontSize { Val = 11D }),
                new Font(new Bold(), new FontSize { Val = 14D }),
                new Font(new Italic(), new FontSize { Val = 11D }))
            { Count = 4U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7ECEF" }) { PatternType = PatternValues.Solid }))
            { Count = 3U },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                    new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
            { Count = 2U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            cellFormats);
    }
}
