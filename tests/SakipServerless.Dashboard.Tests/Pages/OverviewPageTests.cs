extern alias dashboard;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SakipServerless.Core;
using dashboard::SakipServerless.Dashboard.Api.Models;
using dashboard::SakipServerless.Dashboard.Overview;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>The overview over HTTP (its prerendered HTML) and its figures: the backend's read model turned into KPI cards, five chart cards whose clicks resolve to the right OPD, step or period, and the slicers in the URL.</summary>
[Collection(SystemCollection.Name)]
public sealed class OverviewPageTests(SystemFixture system)
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
        Assert.Equal(5, Regex.Matches(html, "<figure class=\"chart-card\" id=\"chart-").Count);
        Assert.Contains("Eskalasi ke Kepala OPD", html); // balangan: one bidang never sent its data
    }

    [Fact]
    public async Task ChartClicks_ResolveToTheirOpd_Step_AndPeriod()
    {
        using var session = await system.SignInAsync("kutai-kartanegara", "sekda");
        using var api = await system.ApiAsAsync("kutai-kartanegara", "sekda");
        var overview = (await api.GetFromJsonAsync<OverviewDto>("api/dashboard/overview?year=2026&period=2026-Q4", CoreJson.Options))!;

        // Bars key their categories by OPD id, in drawing order (the first OPD is drawn at the bottom).
        var completion = OverviewCharts.Completion(overview, null);
        Assert.Equal(overview.Completion.Reverse().Select(c => c.OpdId), completion.Keys);
        Assert.Equal("kecamatan-samboja", OverviewCharts.CapaianByOpd(overview, null).KeyAt(0));

        // A heatmap cell drills through to that step of the OPD's run, and the page answers.
        string cellUrl = OverviewCharts.HeatmapTarget(overview, overview.Heatmap.Rows.Count - 1, 0)!;
        Assert.Matches("^/pelaksanaan/demo-kecamatan-samboja-2026-q4#langkah-", cellUrl);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(cellUrl.Split('#')[0])).Status);
        Assert.Null(OverviewCharts.HeatmapTarget(overview, overview.Heatmap.Rows.Count, 0));

        // Trend points are periods; a focused OPD keeps every bar and fades the rest.
        Assert.Equal("2026-Q2", OverviewCharts.Trend(overview).KeyAt(1));
        var focused = (Plotly.Blazor.Traces.Bar)OverviewCharts.Completion(overview, "kecamatan-samboja").Data[0];
        Assert.Equal(overview.Completion.Count, focused.Y.Count);
        Assert.Equal(1m, focused.Marker.OpacityArray[completion.Keys.ToList().IndexOf("kecamatan-samboja")]);
        Assert.Equal(overview.Completion.Count - 1, focused.Marker.OpacityArray.Count(o => o < 1m));
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
        var sasaranRows = Regex.Match(html, "id=\"chart-capaian-sasaran\".*?</figure>", RegexOptions.Singleline).Value;
        Assert.Single(Regex.Matches(sasaranRows, "<tr>"));
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
    public async Task PlotlyBlazorsScript_IsTheCartesianBundle_OfferedCompressed()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = system.Dashboard.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_content/Plotly.Blazor/plotly-3.7.0.min.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("gzip", Assert.Single(answer.Content.Headers.ContentEncoding));
        // (A Debug build stores its .gz without compressing; a Release build's is about 0.47 MB, BENCHMARKS.md.)
        await using var unzipped = new System.IO.Compression.GZipStream(await answer.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(unzipped);
        string script = await reader.ReadToEndAsync();
        Assert.Contains("plotly.js (cartesian - minified) v3.7.0", script[..200], StringComparison.Ordinal);
        Assert.True(script.Length < 2_000_000, $"{script.Length} characters of script: not the cartesian bundle");
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

    private static string Kpi(string html, string name) =>
        Regex.Match(html, $"data-kpi=\"{name}\">\\s*<h2>[^<]*</h2>\\s*<p class=\"kpi-value\">([^<]*)<").Groups[1].Value.Trim();

}
