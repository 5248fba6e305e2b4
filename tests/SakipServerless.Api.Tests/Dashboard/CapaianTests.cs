using System.Net;
using System.Text.Json;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Dashboard;

/// <summary>Capaian per indicator and the overview by semester and sasaran, on the data of <see cref="CapaianWorld"/>.</summary>
public sealed class CapaianTests(CapaianWorld data) : IClassFixture<CapaianWorld>
{
    private readonly RunDriver _drive = data.Drive;

    [Fact]
    public async Task Capaian_CombinesUnits_BySatuan_AndRekapsQuarters_ByAggregationType_UnderTheTenantCap()
    {
        var report = await _drive.GetAsync("/api/dashboard/capaian?year=2026&opdId=kesbangpol");

        Assert.Equal(2026, report.GetProperty("year").GetInt32());
        Assert.Equal(120m, report.GetProperty("cap").GetDecimal());
        var opd = Assert.Single(report.GetProperty("opds").EnumerateArray());
        var indicators = opd.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("indicatorId").GetString()!);
        Assert.Equal(4, indicators.Count);

        // iku-1, %, non-kumulatif: units averaged (70, then 90 — the unaccepted 10 left out); the year takes the latest quarter.
        var iku1 = indicators["kesbangpol-iku-1"];
        Assert.Equal("average", iku1.GetProperty("unitCombination").GetString());
        Assert.Equal("non-kumulatif", iku1.GetProperty("aggregation").GetString());
        AssertPeriod(Tw(iku1, 1), target: 80, realisasi: 70, capaian: 87.5m, predicate: "Tinggi");
        Assert.Equal(3, Tw(iku1, 1).GetProperty("unitsReported").GetInt32());
        AssertPeriod(Tw(iku1, 2), target: 85, realisasi: 90, capaian: 105.88m, predicate: "Sangat Tinggi");
        Assert.Equal(2, Tw(iku1, 2).GetProperty("unitsReported").GetInt32());
        AssertPeriod(Sem(iku1, 1), target: 85, realisasi: 90, capaian: 105.88m, predicate: "Sangat Tinggi");
        AssertPeriod(iku1.GetProperty("tahunan"), target: 90, realisasi: 90, capaian: 100m, predicate: "Sangat Tinggi");
        Assert.False(iku1.GetProperty("tahunan").GetProperty("isComplete").GetBoolean());
        var tw3 = Tw(iku1, 3).GetProperty("capaian");
        Assert.False(tw3.TryGetProperty("value", out _));
        Assert.Equal("Realisasi belum diisi, capaian tidak dapat dihitung", tw3.GetProperty("reason").GetString());

        // iku-2, kejadian, negative: units summed (1, then 0); (2·1 − 0)/1 = 200 % is capped at the pemda's 120 %.
        var iku2 = indicators["kesbangpol-iku-2"];
        Assert.Equal("sum", iku2.GetProperty("unitCombination").GetString());
        AssertPeriod(Tw(iku2, 1), target: 1, realisasi: 1, capaian: 100m, predicate: "Sangat Tinggi");
        AssertPeriod(Tw(iku2, 2), target: 1, realisasi: 0, capaian: 120m, predicate: "Sangat Tinggi");
        Assert.Equal(200m, Tw(iku2, 2).GetProperty("capaian").GetProperty("rawValue").GetDecimal());
        Assert.True(Tw(iku2, 2).GetProperty("capaian").GetProperty("isCapped").GetBoolean());
        AssertPeriod(iku2.GetProperty("tahunan"), target: 2, realisasi: 0, capaian: 120m, predicate: "Sangat Tinggi");

        // iku-3, kegiatan, kumulatif: units summed (2, then 1); semester and year add quarters up: 3 of 4, 3 of 8.
        var iku3 = indicators["kesbangpol-iku-3"];
        Assert.Equal("kumulatif", iku3.GetProperty("aggregation").GetString());
        AssertPeriod(Tw(iku3, 1), target: 2, realisasi: 2, capaian: 100m, predicate: "Sangat Tinggi");
        AssertPeriod(Tw(iku3, 2), target: 2, realisasi: 1, capaian: 50m, predicate: "Sangat Rendah");
        AssertPeriod(Sem(iku3, 1), target: 4, realisasi: 3, capaian: 75m, predicate: "Sedang");
        Assert.True(Sem(iku3, 1).GetProperty("isComplete").GetBoolean());
        AssertPeriod(iku3.GetProperty("tahunan"), target: 8, realisasi: 3, capaian: 37.5m, predicate: "Sangat Rendah");
        Assert.False(Sem(iku3, 2).GetProperty("capaian").TryGetProperty("value", out _));

        // iku-4, indeks, rata-rata: units averaged (70, then 82); periods average their quarters: 76 of 70, 76 of 75.
        var iku4 = indicators["kesbangpol-iku-4"];
        Assert.Equal("average", iku4.GetProperty("unitCombination").GetString());
        Assert.Equal("rata-rata", iku4.GetProperty("aggregation").GetString());
        AssertPeriod(Tw(iku4, 2), target: 70, realisasi: 82, capaian: 117.14m, predicate: "Sangat Tinggi");
        AssertPeriod(Sem(iku4, 1), target: 70, realisasi: 76, capaian: 108.57m, predicate: "Sangat Tinggi");
        AssertPeriod(iku4.GetProperty("tahunan"), target: 75, realisasi: 76, capaian: 101.33m, predicate: "Sangat Tinggi");

        // The OPD's year: (100 + 120 + 37,5 + 101,33) / 4.
        var tahunan = opd.GetProperty("tahunan");
        Assert.Equal(89.71m, tahunan.GetProperty("capaian").GetProperty("value").GetDecimal());
        Assert.Equal("Tinggi", tahunan.GetProperty("capaian").GetProperty("predicate").GetString());
        Assert.Equal(4, tahunan.GetProperty("indicatorsIncluded").GetInt32());
    }

    [Fact]
    public async Task Overview_ForSemesterI_AveragesTheSemesterRekap_AndTrendsEachTriwulan()
    {
        var overview = await _drive.GetAsync("/api/dashboard/overview?year=2026&period=2026-S1&opdId=kesbangpol");

        Assert.Equal("semester", overview.GetProperty("period").GetProperty("kind").GetString());
        Assert.Equal([1, 2], overview.GetProperty("period").GetProperty("triwulans").EnumerateArray().Select(t => t.GetInt32()));
        var kpi = overview.GetProperty("kpi");
        Assert.Equal(2, kpi.GetProperty("runsTotal").GetInt32());
        Assert.Equal(5, kpi.GetProperty("stepsCompleted").GetInt32());
        Assert.Equal(100m, kpi.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(0, kpi.GetProperty("stepsLateNow").GetInt32());
        Assert.Equal(0, kpi.GetProperty("opdsWithoutData").GetInt32());
        // (105,88 + 120 + 75 + 108,57) / 4 from exact values.
        Assert.Equal(102.36m, Value(kpi.GetProperty("averageCapaian")));

        var completion = Assert.Single(overview.GetProperty("completion").EnumerateArray());
        Assert.Equal((5, 2, 5), (completion.GetProperty("done").GetInt32(), completion.GetProperty("active").GetInt32(), completion.GetProperty("pending").GetInt32()));
        Assert.Equal("2026-Q2", Assert.Single(overview.GetProperty("heatmap").GetProperty("rows").EnumerateArray()).GetProperty("period").GetString());

        var sasaran = overview.GetProperty("capaianBySasaran").EnumerateArray().ToDictionary(s => s.GetProperty("sasaran").GetString()!, s => Value(s.GetProperty("capaian")));
        Assert.Equal(112.94m, sasaran["Meningkatnya toleransi dan kerukunan"]);
        Assert.Equal(91.79m, sasaran[CapaianWorld.SasaranPartisipasi]);

        var trend = overview.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(96.88m, Value(trend[0].GetProperty("capaian")));
        Assert.Equal(98.26m, Value(trend[1].GetProperty("capaian")));
        Assert.False(trend[2].GetProperty("capaian").GetProperty("capaian").TryGetProperty("value", out _));
    }

    [Fact]
    public async Task Overview_BySasaran_NarrowsTheCapaian()
    {
        var overview = await _drive.GetAsync($"/api/dashboard/overview?period=2026-S1&sasaran={Uri.EscapeDataString(CapaianWorld.SasaranPartisipasi)}");

        Assert.Equal(91.79m, Value(overview.GetProperty("kpi").GetProperty("averageCapaian")));
        Assert.Equal("Sangat Tinggi", overview.GetProperty("kpi").GetProperty("averageCapaian").GetProperty("capaian").GetProperty("predicate").GetString());
        Assert.Equal(CapaianWorld.SasaranPartisipasi, Assert.Single(overview.GetProperty("capaianBySasaran").EnumerateArray()).GetProperty("sasaran").GetString());
    }

    [Fact]
    public async Task Readers_Leaders_SeeEveryOpd_Staff_TheirOwn_OtherTenant_NoneOfOurs()
    {
        static IEnumerable<string?> Opds(JsonElement report) => report.GetProperty("opds").EnumerateArray().Select(o => o.GetProperty("opdId").GetString());

        Assert.Equal(["bappeda", "kesbangpol"], Opds(await _drive.GetAsync("/api/dashboard/capaian?year=2026")));
        Assert.Equal(["bappeda", "kesbangpol"], Opds(await _drive.GetAsync("/api/dashboard/capaian?year=2026", "irban")));
        Assert.Equal(["kesbangpol"], Opds(await _drive.GetAsync("/api/dashboard/capaian?year=2026", "kesbangpol-bid-politik")));

        var staff = await _drive.As("kesbangpol-kabid");
        foreach (var url in new[] { "/api/dashboard/capaian?opdId=bappeda", "/api/dashboard/rekap.xlsx?opdId=bappeda", "/api/dashboard/rekap.csv?opdId=bappeda" })
        {
            await (await staff.GetAsync(url)).ProblemAsync(HttpStatusCode.Forbidden);
        }

        var other = await _drive.GetAsync("/api/dashboard/capaian?year=2026&opdId=kesbangpol", "sekda", TestWorld.OtherTenant);
        var theirs = Assert.Single(other.GetProperty("opds").EnumerateArray());
        Assert.All(theirs.GetProperty("indicators").EnumerateArray(), i =>
            Assert.All(i.GetProperty("triwulan").EnumerateArray(), t => Assert.False(t.TryGetProperty("realisasi", out _))));

        var sekda = await _drive.As("sekda");
        var missing = await (await sekda.GetAsync("/api/dashboard/capaian?opdId=tidak-ada")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("tidak-ada", missing.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await data.Factory.CreateClient().GetAsync("/api/dashboard/overview")).StatusCode);
    }

    [Fact]
    public async Task WithoutYear_TheCurrentYearOfThePemda_IsUsed()
    {
        var report = await _drive.GetAsync("/api/dashboard/capaian?opdId=");
        Assert.Equal(2026, report.GetProperty("year").GetInt32());
        Assert.Equal(2, report.GetProperty("opds").GetArrayLength()); // an empty opdId is "every OPD", as a form sends it
        var overview = await _drive.GetAsync("/api/dashboard/overview");
        Assert.Equal("2026-Y", overview.GetProperty("period").GetProperty("key").GetString());
    }

    [Theory]
    [InlineData("/api/dashboard/overview?year=abc", "year")]
    [InlineData("/api/dashboard/overview?year=1999", "year")]
    [InlineData("/api/dashboard/overview?period=2026-Q5", "period")]
    [InlineData("/api/dashboard/overview?period=2026-S3", "period")]
    [InlineData("/api/dashboard/overview?year=2026&period=2027-Q1", "period")]
    [InlineData("/api/dashboard/overdue?year=20.26", "year")]
    [InlineData("/api/dashboard/capaian?year=-2026", "year")]
    [InlineData("/api/dashboard/rekap.xlsx?period=Q1-2026", "period")]
    [InlineData("/api/dashboard/rekap.csv?year=2026&period=2026-X", "period")]
    public async Task BadSlicers_Are400_NamingTheField(string url, string field)
    {
        var sekda = await _drive.As("sekda");
        var problem = await (await sekda.GetAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task TooLongSasaran_Is400()
    {
        var sekda = await _drive.As("sekda");
        var problem = await (await sekda.GetAsync("/api/dashboard/overview?sasaran=" + new string('x', 301))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("sasaran", out _));
    }

    [Fact]
    public async Task OpenApi_DescribesTheDashboardRoutes_AndTheirSlicers()
    {
        var doc = await (await data.Factory.CreateClient().GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");
        foreach (var route in new[] { "overview", "overdue", "capaian", "rekap.xlsx", "rekap.csv" })
        {
            Assert.True(paths.TryGetProperty($"/api/dashboard/{route}", out var path), route);
            var names = path.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Equal(["opdId", "period", "sasaran", "year"], names.Order(StringComparer.Ordinal));
        }
    }

    private static JsonElement Tw(JsonElement indicator, int triwulan) => indicator.GetProperty("triwulan")[triwulan - 1];

    private static JsonElement Sem(JsonElement indicator, int semester) => indicator.GetProperty("semester")[semester - 1];

    private static decimal Value(JsonElement group) => group.GetProperty("capaian").GetProperty("value").GetDecimal();

    private static void AssertPeriod(JsonElement period, decimal target, decimal realisasi, decimal capaian, string predicate)
    {
        Assert.Equal(target, period.GetProperty("target").GetDecimal());
        Assert.Equal(realisasi, period.GetProperty("realisasi").GetDecimal());
        Assert.Equal(capaian, period.GetProperty("capaian").GetProperty("value").GetDecimal());
        Assert.Equal(predicate, period.GetProperty("capaian").GetProperty("predicate").GetString());
    }
}
