using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// The rekap as an .xlsx workbook: one sheet per OPD (named after it), a bold frozen header row with a filter,
/// numbers as numbers (capaian formatted 0.00) so the pemda can keep calculating in Excel.
/// </summary>
public static class RekapXlsxWriter
{
    private const uint HeaderStyle = 1;
    private const uint CapaianStyle = 2;
    private const int MaxSheetName = 31;

    public static byte[] Write(RekapTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            // A workbook needs at least one sheet: with no OPD in scope it holds the headers alone.
            var content = table.Sheets.Count > 0 ? table.Sheets : [new RekapSheet("", "Rekap", [])];
            uint sheetId = 1;
            foreach (var sheet in content)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(sheet.OpdName, names) });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Excel's rules: at most 31 characters, none of \ / ? * [ ] :, no apostrophe at either end, unique ignoring case.</summary>
    public static string SheetName(string opdName, ISet<string> taken)
    {
        var cleaned = new string(opdName.Select(c => c is '\\' or '/' or '?' or '*' or '[' or ']' or ':' || char.IsControl(c) ? ' ' : c).ToArray()).Trim().Trim('\'').Trim();
        if (cleaned.Length == 0)
        {
            cleaned = "OPD";
        }

        string name = cleaned.Length > MaxSheetName ? cleaned[..MaxSheetName].TrimEnd() : cleaned;
        for (int n = 2; !taken.Add(name); n++)
        {
            string suffix = $" ({n})";
            name = (cleaned.Length + suffix.Length > MaxSheetName ? cleaned[..(MaxSheetName - suffix.Length)].TrimEnd() : cleaned) + suffix;
        }

        return name;
    }

    private static Worksheet Worksheet(RekapSheet sheet)
    {
        var data = new SheetData();
        uint rowIndex = 1;
        var header = new Row { RowIndex = rowIndex };
        header.Append(RekapTable.Headers.Select((h, c) => TextCell(c, rowIndex, h, HeaderStyle)));
        data.Append(header);

        foreach (var item in sheet.Rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            row.Append(TextCell(0, rowIndex, item.Sasaran), TextCell(1, rowIndex, item.Indikator), TextCell(2, rowIndex, item.Satuan));
            for (int i = 0; i < item.Numbers.Count; i++)
            {
                if (item.Numbers[i] is { } value)
                {
                    row.Append(NumberCell(3 + i, rowIndex, value, i >= RekapTable.FirstCapaianColumn ? CapaianStyle : 0));
                }
            }

            if (item.Predikat is { } predikat)
            {
                row.Append(TextCell(3 + item.Numbers.Count, rowIndex, predikat));
            }

            data.Append(row);
        }

        string lastColumn = Column(RekapTable.Headers.Count - 1);
        var frozen = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0U });
        var columns = new Columns(
            new Column { Min = 1, Max = 1, Width = 40, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 50, CustomWidth = true },
            new Column { Min = 3, Max = 3, Width = 12, CustomWidth = true },
            new Column { Min = 4, Max = (uint)RekapTable.Headers.Count - 1, Width = 14, CustomWidth = true },
            new Column { Min = (uint)RekapTable.Headers.Count, Max = (uint)RekapTable.Headers.Count, Width = 16, CustomWidth = true });
        return new Worksheet(frozen, columns, data, new AutoFilter { Reference = $"A1:{lastColumn}{rowIndex}" });
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
        StyleIndex = style == 0 ? null : style,
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

    /// <summary>Style 0 default, 1 bold header, 2 number "0.00" (built-in format 2).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11D }), new Font(new Bold(), new FontSize { Val = 11D })) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat { NumberFormatId = 2U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true })
        { Count = 3U });
}
