using System.Globalization;
using System.Net;
using System.Text.Json;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Dashboard;

/// <summary>
/// The acceptance check: the workbook the API exports for some slicers, opened by LibreOffice headless (as CI
/// and many pemda offices open it) and saved as CSV with its cells as shown, holds the numbers the API's JSON gives for
/// the same slicers, displayed by satuan. Fails, naming the missing package, where LibreOffice is not installed.
/// </summary>
public sealed class RekapLibreOfficeTests(CapaianWorld data) : IClassFixture<CapaianWorld>
{
    [Theory]
    [InlineData("period=2026-S1", "Semester I 2026")]
    [InlineData("period=2026-Q2&opdId=kesbangpol", "Triwulan II 2026")]
    public async Task LibreOffice_ShowsTheApisNumbers_ForTheSameSlicers(string slicers, string periode)
    {
        var client = await data.Drive.As("sekda");
        var xlsx = await client.GetAsync("/api/dashboard/rekap.xlsx?" + slicers);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var report = await (await client.GetAsync("/api/dashboard/capaian?" + slicers)).JsonAsync(HttpStatusCode.OK);

        var sheets = await LibreOfficeCalc.SheetsAsCsvAsync(await xlsx.Content.ReadAsByteArrayAsync());

        var opds = report.GetProperty("opds").EnumerateArray().ToList();
        Assert.Equal(opds.Count, sheets.Count);
        int compared = 0;
        foreach (var opd in opds)
        {
            string name = opd.GetProperty("opdName").GetString()!;
            var rows = sheets.Values.Single(s => Field(s, "OPD") == name);
            Assert.Equal(periode, Field(rows, "Periode"));
            Assert.StartsWith("Data sementara: ", Field(rows, "Status data"));

            var headers = rows.Single(r => r.Length > 0 && r[0] == "Sasaran");
            int predikat = Array.IndexOf(headers, "Predikat");
            foreach (var indicator in opd.GetProperty("indicators").EnumerateArray())
            {
                string satuan = indicator.GetProperty("satuan").GetString()!;
                var row = rows.Single(r => r.Length > 1 && r[1] == indicator.GetProperty("name").GetString());
                Assert.Equal(satuan, row[2]);
                for (int c = 3; c < predikat; c++)
                {
                    var (measure, key) = ColumnOf(headers[c]);
                    var period = PeriodOf(indicator, key);
                    Assert.True(Shown(period, measure, satuan) == row[c],
                        $"{name} · {row[1]} · {headers[c]}: LibreOffice shows '{row[c]}', the API gives {Shown(period, measure, satuan)}");
                    compared++;
                }

                Assert.Equal(PeriodOf(indicator, ColumnOf(headers[predikat - 1]).Key).GetProperty("capaian").TryGetProperty("predicate", out var p) ? p.GetString() : "", row[predikat]);
            }
        }

        Assert.True(compared >= 12, $"only {compared} cells compared");
    }

    [Fact]
    public async Task LibreOffice_PrintsEachOpdOfTheYear_OnOneA4LandscapePageWide()
    {
        var xlsx = await (await data.Drive.As("sekda")).GetAsync("/api/dashboard/rekap.xlsx?year=2026");

        // The year has the widest sheet (22 columns, about 340 characters): unfitted it would print several pages across.
        var pages = await LibreOfficeCalc.PrintedPagesAsync(await xlsx.Content.ReadAsByteArrayAsync());

        Assert.Equal(2, pages.Count); // BAPPEDA and KESBANGPOL, a few rows each
        Assert.All(pages, p => Assert.Equal((842, 595), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
    }

    /// <summary>The text after a title-block label.</summary>
    private static string Field(List<string[]> rows, string label) => rows.First(r => r.Length > 1 && r[0] == label)[1];

    /// <summary>"Capaian Semester I" → (capaian, 2026-S1), read from the header text alone.</summary>
    private static (string Measure, string Key) ColumnOf(string header)
    {
        var words = header.Split(' ');
        string roman = words[^1];
        int n = roman switch { "I" => 1, "II" => 2, "III" => 3, "IV" => 4, _ => 0 };
        string key = words[1] switch { "TW" => $"2026-Q{n}", "Semester" => $"2026-S{n}", _ => "2026-Y" };
        return (words[0].ToLowerInvariant(), key);
    }

    private static JsonElement PeriodOf(JsonElement indicator, string key) =>
        indicator.GetProperty("triwulan").EnumerateArray().Concat(indicator.GetProperty("semester").EnumerateArray()).Append(indicator.GetProperty("tahunan"))
            .Single(p => p.GetProperty("key").GetString() == key);

    /// <summary>
    /// What a reader sees in the C locale: capaian to 2 decimals, with * when capped; % satuan to 2 decimals; other
    /// satuan whole, or to 2 decimals when the figure has a fraction.
    /// </summary>
    private static string Shown(JsonElement period, string measure, string satuan)
    {
        var inv = CultureInfo.InvariantCulture;
        if (measure == "capaian")
        {
            var capaian = period.GetProperty("capaian");
            return capaian.TryGetProperty("value", out var v)
                ? v.GetDecimal().ToString("0.00", inv) + (capaian.GetProperty("isCapped").GetBoolean() ? "*" : "")
                : "";
        }

        if (!period.TryGetProperty(measure, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        decimal d = value.GetDecimal();
        return satuan == "%" || d != decimal.Truncate(d) ? d.ToString("#,##0.00", inv) : d.ToString("#,##0", inv);
    }
}
