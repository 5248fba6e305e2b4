using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Dashboard;

/// <summary>The rekap downloads, opened the way a pemda opens them: the workbook with the OpenXML SDK, the CSV as Indonesian Excel reads it.</summary>
public sealed class RekapExportTests(CapaianWorld data) : IClassFixture<CapaianWorld>
{
    private static readonly string[] Headers =
    [
        "Sasaran", "Indikator", "Satuan",
        "Target TW I", "Target TW II", "Target TW III", "Target TW IV",
        "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV",
        "Capaian TW I", "Capaian TW II", "Capaian TW III", "Capaian TW IV",
        "Semester I", "Semester II", "Tahunan", "Predikat",
    ];

    [Fact]
    public async Task Xlsx_IsAValidWorkbook_WithASheetPerOpd_AndTheRekapInItsCells()
    {
        var response = await (await data.Drive.As("sekda")).GetAsync("/api/dashboard/rekap.xlsx?year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("rekap-capaian-jeneponto-2026.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["BAPPEDA", "KESBANGPOL"], sheets.Select(s => s.Name?.Value));

        var cells = Cells((WorksheetPart)workbook.GetPartById(sheets[1].Id!));
        Assert.Equal(Headers, Headers.Select((_, c) => cells[$"{Column(c)}1"]));
        int row = Enumerable.Range(2, 4).Single(r => cells.GetValueOrDefault($"B{r}") == "Jumlah kegiatan pendidikan politik");
        Assert.Equal(CapaianWorld.SasaranPartisipasi, cells[$"A{row}"]);
        Assert.Equal("kegiatan", cells[$"C{row}"]);
        Assert.Equal(["2", "2", "2", "2"], new[] { "D", "E", "F", "G" }.Select(c => cells[$"{c}{row}"]));
        Assert.Equal(("2", "1"), (cells[$"H{row}"], cells[$"I{row}"]));
        Assert.False(cells.ContainsKey($"J{row}"));
        Assert.Equal(("100", "50"), (cells[$"L{row}"], cells[$"M{row}"]));
        Assert.Equal("75", cells[$"P{row}"]);
        Assert.False(cells.ContainsKey($"Q{row}"));
        Assert.Equal("37.5", cells[$"R{row}"]);
        Assert.Equal("Sangat Rendah", cells[$"S{row}"]);

        var bappeda = Cells((WorksheetPart)workbook.GetPartById(sheets[0].Id!));
        Assert.Equal("Persentase penyelesaian konflik sosial", bappeda["B2"]);
        Assert.False(bappeda.ContainsKey("H2"));
    }

    [Fact]
    public async Task Csv_HasBomSemicolonsAndDecimalComma_AndTheSameTable()
    {
        var response = await (await data.Drive.As("kesbangpol-kabid")).GetAsync("/api/dashboard/rekap.csv?year=2026&opdId=kesbangpol");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rekap-capaian-jeneponto-kesbangpol-2026.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(ParseLine).ToList();
        Assert.Equal(["OPD", .. Headers], lines[0]);
        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.Equal(20, l.Count));

        var iku2 = lines.Single(l => l[2] == "Jumlah kejadian konflik sosial");
        Assert.Equal(["KESBANGPOL", "Meningkatnya toleransi dan kerukunan", "Jumlah kejadian konflik sosial", "kejadian",
            "1", "1", "2", "2", "1", "0", "", "", "100,00", "120,00", "", "", "120,00", "", "120,00", "Sangat Tinggi"], iku2);
        var iku4 = lines.Single(l => l[2] == "Indeks kepuasan layanan kemitraan");
        Assert.Equal(["70", "70", "80", "80", "70", "82", "", "", "100,00", "117,14", "", "", "108,57", "", "101,33", "Sangat Tinggi"], iku4.Skip(4));
    }

    /// <summary>RFC 4180 fields with <c>;</c> as the separator.</summary>
    private static List<string> ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Cell text by reference (inline strings and numbers alike); empty cells are absent.</summary>
    private static Dictionary<string, string> Cells(WorksheetPart part) =>
        part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.InnerText ?? c.CellValue!.Text);

    private static string Column(int index) => ((char)('A' + index)).ToString();
}
