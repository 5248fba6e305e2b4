using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Tests.Dashboard;

/// <summary>The rekap downloads, opened the way a pemda opens them: the workbook with the OpenXML SDK, the CSV as Indonesian Excel reads it.</summary>
public sealed class RekapExportTests(CapaianWorld data) : IClassFixture<CapaianWorld>
{
    private static readonly string[] YearHeaders =
    [
        "Sasaran", "Indikator", "Satuan",
        "Target TW I", "Target TW II", "Target TW III", "Target TW IV", "Target Tahunan",
        "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV", "Realisasi Tahunan",
        "Capaian TW I", "Capaian TW II", "Capaian TW III", "Capaian TW IV", "Capaian Semester I", "Capaian Semester II", "Capaian Tahunan",
        "Predikat", "Catatan",
    ];

    [Fact]
    public async Task Xlsx_ForATriwulan_HoldsThatTriwulan_UnderATitleBlock_AndItsFileNameSaysSo()
    {
        var response = await (await data.Drive.As("sekda")).GetAsync("/api/dashboard/rekap.xlsx?period=2026-Q2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Rekap-Capaian-jeneponto-2026-TW-II.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var document = Open(await response.Content.ReadAsByteArrayAsync());
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["BAPPEDA", "KESBANGPOL"], sheets.Select(s => s.Name?.Value));

        var cells = Cells((WorksheetPart)workbook.GetPartById(sheets[1].Id!));
        Assert.Equal("Rekap Capaian Kinerja", cells["A1"]);
        var printed = data.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(
            [
                ("Pemda", "Kabupaten jeneponto"), ("OPD", "KESBANGPOL"), ("Periode", "Triwulan II 2026"),
                ("Status data", "Data sementara: 0 dari 1 siklus triwulan disetujui, 1 masih berjalan"),
                ("Dicetak", IndonesianFormat.DateTime(printed)),
                ("Batas capaian", "Capaian dibatasi paling tinggi 120 %; nilai bertanda * dibatasi, nilai sebenarnya di kolom Catatan."),
            ],
            Enumerable.Range(2, 6).Select(r => (cells[$"A{r}"], cells[$"B{r}"])));
        Assert.EndsWith("WITA", cells["B6"]);

        string[] headers = ["Sasaran", "Indikator", "Satuan", "Target TW II", "Realisasi TW II", "Capaian TW II", "Predikat", "Catatan"];
        Assert.Equal(headers, headers.Select((_, c) => cells[$"{Column(c)}9"]));
        int row = RowOf(cells, "Jumlah kejadian konflik sosial");
        Assert.Equal(("1", "0", "120"), (cells[$"D{row}"], cells[$"E{row}"], cells[$"F{row}"]));
        Assert.Equal(("Sangat Tinggi", "Capaian TW II dibatasi; sebenarnya 200 %"), (cells[$"G{row}"], cells[$"H{row}"]));
        row = RowOf(cells, "Jumlah kegiatan pendidikan politik");
        Assert.Equal(("2", "1", "50", "Sangat Rendah"), (cells[$"D{row}"], cells[$"E{row}"], cells[$"F{row}"], cells[$"G{row}"]));
        Assert.False(cells.ContainsKey($"H{row}"));
    }

    [Fact]
    public async Task Xlsx_PrintsLandscapeOnePageWide_RepeatingTheFrozenHeaderRow()
    {
        var response = await (await data.Drive.As("sekda")).GetAsync("/api/dashboard/rekap.xlsx?period=2026-S1");
        using var document = Open(await response.Content.ReadAsByteArrayAsync());
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Where(n => n.Name == "_xlnm.Print_Titles").ToList();
        Assert.Equal(["'BAPPEDA'!$9:$9", "'KESBANGPOL'!$9:$9"], titles.Select(t => t.Text));
        Assert.Equal([0U, 1U], titles.Select(t => t.LocalSheetId!.Value));

        foreach (var sheet in sheets)
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var setup = worksheet.GetFirstChild<PageSetup>()!;
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal((1U, 0U, 9U), (setup.FitToWidth!.Value, setup.FitToHeight!.Value, setup.PaperSize!.Value));
            Assert.True(worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);

            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal((9D, "A10"), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.StartsWith("A9:", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
            Assert.All(worksheet.Descendants<Column>(), c => Assert.True(c.Width!.Value is >= 10 and <= 50));
        }
    }

    [Fact]
    public async Task Xlsx_NumbersAreNumbers_DisplayedBySatuan_CapaianToTwoDecimals_CappedMarked()
    {
        var response = await (await data.Drive.As("sekda")).GetAsync("/api/dashboard/rekap.xlsx?year=2026&opdId=kesbangpol");
        Assert.Equal("Rekap-Capaian-jeneponto-kesbangpol-2026-Tahunan.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var document = Open(await response.Content.ReadAsByteArrayAsync());
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var cells = Cells(part);
        Assert.Equal(YearHeaders, YearHeaders.Select((_, c) => cells[$"{Column(c)}9"]));

        var formats = workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        var cellFormats = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var byRef = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        string FormatOf(string reference)
        {
            var cell = byRef[reference];
            Assert.Equal(CellValues.Number, cell.DataType!.Value);
            return formats[cellFormats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value]!;
        }

        // % targets with two decimals, counts whole, capaian 0.00; the capped capaian is marked and explained.
        int percent = RowOf(cells, "Persentase penyelesaian konflik sosial");
        Assert.Equal(("85", "#,##0.00"), (cells[$"E{percent}"], FormatOf($"E{percent}")));
        Assert.Equal(("105.88", "0.00"), (cells[$"O{percent}"], FormatOf($"O{percent}")));
        int count = RowOf(cells, "Jumlah kegiatan pendidikan politik");
        Assert.Equal(("8", "#,##0"), (cells[$"H{count}"], FormatOf($"H{count}")));
        Assert.Equal(("37.5", "0.00"), (cells[$"T{count}"], FormatOf($"T{count}")));
        int capped = RowOf(cells, "Jumlah kejadian konflik sosial");
        Assert.Equal(("120", "0.00\"*\""), (cells[$"O{capped}"], FormatOf($"O{capped}")));
        Assert.Contains("Capaian TW II dibatasi; sebenarnya 200 %", cells[$"V{capped}"]);
        int index = RowOf(cells, "Indeks kepuasan layanan kemitraan");
        Assert.Equal(("76", "#,##0"), (cells[$"M{index}"], FormatOf($"M{index}")));
        Assert.Equal("Sangat Tinggi", cells[$"U{index}"]);
    }

    [Fact]
    public async Task Export_HonoursEverySlicer_AndNamesThemInTheFile()
    {
        var client = await data.Drive.As("sekda");
        var response = await client.GetAsync("/api/dashboard/rekap.xlsx?period=2026-S1&opdId=kesbangpol&sasaran=" + Uri.EscapeDataString(CapaianWorld.SasaranPartisipasi));

        Assert.Equal("Rekap-Capaian-jeneponto-kesbangpol-2026-Semester-I-meningkatnya-partisipasi.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var document = Open(await response.Content.ReadAsByteArrayAsync());
        var workbook = document.WorkbookPart!;
        var cells = Cells((WorksheetPart)workbook.GetPartById(Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>()).Id!));
        Assert.Equal(("Periode", "Semester I 2026"), (cells["A4"], cells["B4"]));
        Assert.Equal(("Sasaran", CapaianWorld.SasaranPartisipasi), (cells["A5"], cells["B5"]));
        Assert.Equal("Data sementara: 0 dari 2 siklus triwulan disetujui, 2 masih berjalan", cells["B6"]);
        Assert.Equal("Target Semester I", cells["F10"]);
        var indicators = Enumerable.Range(11, 5).Where(r => cells.ContainsKey($"B{r}")).Select(r => cells[$"B{r}"]).ToList();
        Assert.Equal(["Jumlah kegiatan pendidikan politik", "Indeks kepuasan layanan kemitraan"], indicators);
        Assert.Equal("75", cells[$"L{RowOf(cells, "Jumlah kegiatan pendidikan politik")}"]); // Capaian Semester I

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/dashboard/rekap.xlsx?period=2026-Q5")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await data.Drive.As("kesbangpol-kabid")).GetAsync("/api/dashboard/rekap.csv?opdId=bappeda")).StatusCode);
    }

    [Fact]
    public async Task Csv_HasBomSemicolonsAndDecimalComma_AndTheSameTable()
    {
        var response = await (await data.Drive.As("kesbangpol-kabid")).GetAsync("/api/dashboard/rekap.csv?year=2026&opdId=kesbangpol");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Rekap-Capaian-jeneponto-kesbangpol-2026-Tahunan.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        string text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text);
        var lines = Csv.Parse(text, ';');
        Assert.Equal(["OPD", .. YearHeaders], lines[0]);
        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.Equal(23, l.Length));

        var iku2 = lines.Single(l => l[2] == "Jumlah kejadian konflik sosial");
        Assert.Equal(["KESBANGPOL", "Meningkatnya toleransi dan kerukunan", "Jumlah kejadian konflik sosial", "kejadian",
            "1", "1", "2", "2", "2", "1", "0", "", "", "0", "100,00", "120,00", "", "", "120,00", "", "120,00", "Sangat Tinggi"], iku2[..^1]);
        Assert.StartsWith("Capaian TW II dibatasi; sebenarnya 200 %", iku2[^1]);
        var iku4 = lines.Single(l => l[2] == "Indeks kepuasan layanan kemitraan");
        Assert.Equal(["70", "70", "80", "80", "75", "70", "82", "", "", "76", "100,00", "117,14", "", "", "108,57", "", "101,33", "Sangat Tinggi", ""], iku4.Skip(4));
    }

    [Theory]
    [InlineData("dinas-pmd", "Dinas Pemberdayaan Masyarakat dan Desa", "DINAS-PMD")]
    [InlineData("dinas-pemberdayaan-masyarakat-dan-desa-kabupaten", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD")]
    [InlineData("dinkes", "Dinas Kesehatan", "Dinas Kesehatan")]
    [InlineData("x", "Bagian [Umum]: Tata/Usaha?", "Bagian  Umum   Tata Usaha")]
    [InlineData("q", "'Kutip'", "Kutip")]
    public void SheetName_IsShortLegalAndReadable(string id, string name, string expected)
    {
        string sheet = SakipServerless.Api.Dashboard.RekapSheetName.For(id, name, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(expected, sheet);
        Assert.InRange(sheet.Length, 1, 31);
    }

    [Fact]
    public void SheetNames_AreUniqueIgnoringCase_WithASuffixThatKeepsThemWithin31()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string longName = new('A', 31);
        var names = new[] { ("a", "Dinas Kesehatan"), ("b", "dinas kesehatan"), ("c", longName), ("d", longName) }
            .Select(o => SakipServerless.Api.Dashboard.RekapSheetName.For(o.Item1, o.Item2, taken)).ToList();
        Assert.Equal(["Dinas Kesehatan", "dinas kesehatan (2)", longName, new string('A', 27) + " (2)"], names);
    }

    private static SpreadsheetDocument Open(byte[] bytes)
    {
        var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        return document;
    }

    private static int RowOf(Dictionary<string, string> cells, string indicator) =>
        Enumerable.Range(10, 10).Single(r => cells.GetValueOrDefault($"B{r}") == indicator);

    /// <summary>Cell text by reference (inline strings and numbers alike); empty cells are absent.</summary>
    private static Dictionary<string, string> Cells(WorksheetPart part) =>
        part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.InnerText ?? c.CellValue!.Text);

    private static string Column(int index) => ((char)('A' + index)).ToString();
}
