using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>The overview over HTTP: the backend's read model turned into KPI cards, chart figures with drill-down links, and the slicers in the URL.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class OverviewPageTests(SystemFixture system)
{
    [Fact]
    public async Task Overview_ShowsTheBackendsKpis_AndFiveChartFigures()
    {
        using var session = await system.SignInAsync("balangan", "sekda");
        using var api = await system.ApiAsAsync("balangan", "sekda");
        var overview = await api.GetFromJsonAsync<JsonElement>("api/dashboard/overview");

        var (status, html, _) = await session.GetAsync("/ringkasan");

        Assert.Equal(HttpStatusCode.OK, status);
        var kpi = overview.GetProperty("kpi");
        Assert.Contains($"{kpi.GetProperty("runsCompleted").GetInt32()}<small> / {kpi.GetProperty("runsTotal").GetInt32()}</small>", html);
        Assert.Equal(kpi.GetProperty("stepsLateNow").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Kpi(html, "late"));
        Assert.Equal(5, Figures(html).Count);
        Assert.Contains("Eskalasi ke Kepala OPD", html); // balangan: one bidang never sent its data
    }

    [Fact]
    public async Task ChartPoints_CarryTheirDrillDownUrls()
    {
        using var session = await system.SignInAsync("kutai-kartanegara", "sekda");
        var (_, html, _) = await session.GetAsync("/ringkasan?tahun=2026&periode=2026-Q4");
        var figures = Figures(html);

        var heatmap = figures["chart-heatmap"].GetProperty("data")[0];
        string cellUrl = heatmap.GetProperty("customdata")[0][0].GetString()!;
        Assert.Matches("^/pelaksanaan/demo-kecamatan-samboja-2026-q4#langkah-", cellUrl);
        Assert.Equal("/capaian?tahun=2026&periode=2026-Q4&opd=kecamatan-samboja",
            figures["chart-capaian-opd"].GetProperty("data")[0].GetProperty("customdata")[0].GetString());
        Assert.Equal("/pelaksanaan?tahun=2026&periode=2026-Q4&opd=kecamatan-samboja",
            figures["chart-completion"].GetProperty("data")[0].GetProperty("customdata")[0].GetString());
        var trend = figures["chart-trend"].GetProperty("data")[0].GetProperty("customdata");
        Assert.Equal("/ringkasan?tahun=2026&periode=2026-Q2", trend[1].GetString());

        // The drill-down targets answer.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(cellUrl.Split('#')[0])).Status);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/capaian?tahun=2026&periode=2026-Q4&opd=kecamatan-samboja")).Status);
    }

    [Fact]
    public async Task Slicers_AreReadFromTheUrl_AndPassedToTheBackend()
    {
        using var session = await system.SignInAsync("kutai-kartanegara", "sekda");
        using var api = await system.ApiAsAsync("kutai-kartanegara", "sekda");
        var bySasaran = (await api.GetFromJsonAsync<JsonElement>("api/dashboard/overview?period=2026-Q2")).GetProperty("capaianBySasaran");
        string sasaran = bySasaran[0].GetProperty("sasaran").GetString()!;

        var (_, html, _) = await session.GetAsync("/ringkasan?periode=2026-Q2&sasaran=" + Uri.EscapeDataString(sasaran));

        Assert.Contains("Triwulan II 2026", html);
        Assert.Contains($"<option value=\"2026-Q2\" selected", html);
        var sasaranBars = Figures(html)["chart-capaian-sasaran"].GetProperty("data")[0].GetProperty("y");
        Assert.Equal(1, sasaranBars.GetArrayLength());
        Assert.Contains(WebUtility.HtmlEncode(sasaran), html);
    }

    [Fact]
    public async Task PemdaSlicer_ToAnotherPemda_AsksToSignInThere_KeepingTheOtherSlicers()
    {
        using var session = await system.SignInAsync("bantul", "sekda");
        var (status, _, location) = await session.GetAsync("/ringkasan?pemda=banggai&periode=2026-Q2");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/masuk?pemda=banggai&kembali=" + Uri.EscapeDataString("/ringkasan?periode=2026-Q2"), DashboardSession.PathOf(location));
        var (_, page, _) = await session.GetAsync(DashboardSession.PathOf(location));
        Assert.Contains("<option value=\"banggai\" selected", page);
        Assert.Contains("value=\"sekda\"", page); // the same user id, prefilled
    }

    [Fact]
    public async Task StaffOfAnOpd_SeeOnlyTheirOwnOpd_AndNoOverviewLink()
    {
        using var staff = await system.SignInAsync("bantul", "staf-irban-1");
        var (status, html, _) = await staff.GetAsync("/pelaksanaan");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("href=\"ringkasan\"", html);
        Assert.Contains("Inspektorat Daerah", html);
    }

    [Fact]
    public async Task RefreshStamp_ChangesOnlyWhenTheDataChanges()
    {
        using var session = await system.SignInAsync("bantul", "inspektorat");
        string first = await StampAsync(session);
        Assert.Equal(first, await StampAsync(session));
        var (_, html, _) = await session.GetAsync("/ringkasan");
        Assert.Contains($"data-stamp=\"{first}\"", html);
    }

    [Fact]
    public async Task Export_StreamsTheBackendsRekap_WithItsFileName()
    {
        using var session = await system.SignInAsync("jeneponto", "sekda");
        var csv = await session.Http.GetAsync("/ekspor/rekap.csv?tahun=2026");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString());
        Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Contains(";", await csv.Content.ReadAsStringAsync());

        var xlsx = await session.Http.GetAsync("/ekspor/rekap.xlsx?tahun=2026&periode=2026-Q1");
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);

        var refused = await session.Http.GetAsync("/ekspor/rekap.csv?periode=tahun-lalu");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Periode", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> StampAsync(DashboardSession session)
    {
        var answer = await session.Http.GetFromJsonAsync<JsonElement>("/ringkasan/stempel");
        return answer.GetProperty("stamp").GetString()!;
    }

    private static string Kpi(string html, string name) =>
        Regex.Match(html, $"data-kpi=\"{name}\">\\s*<h2>[^<]*</h2>\\s*<p class=\"kpi-value\">([^<]*)<").Groups[1].Value.Trim();

    /// <summary>The Plotly figures embedded in the page, by chart id.</summary>
    public static Dictionary<string, JsonElement> Figures(string html) =>
        FigurePattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => JsonDocument.Parse(m.Groups[2].Value).RootElement);

    [GeneratedRegex("<figure class=\"chart-card\" id=\"([^\"]+)\">.*?<script type=\"application/json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex FigurePattern();
}
