using System.Text.Json;
using Microsoft.Playwright;

namespace SakipServerless.Dashboard.Tests.Browser;

/// <summary>A Sekda on the interactive overview in a real browser: every chart drawn with the backend's numbers, slicers redrawing in place with the URL following, a bar cross-filtering the other visuals, drill-through to a run's step.</summary>
[Collection(SystemCollection.Name)]
public sealed class PimpinanBrowserTests(SystemFixture system)
{
    [Fact]
    public async Task Overview_DrawsEveryChart_WithTheBackendsValues_AndDrillsDownToAStep()
    {
        await using var browser = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress);
        await browser.SignInAsync("bantul", "sekda");
        Assert.EndsWith("/ringkasan", browser.Page.Url);

        int charts = await browser.WaitForChartsAsync();
        Assert.Equal(5, charts);
        foreach (var id in new[] { "chart-completion", "chart-heatmap", "chart-capaian-opd", "chart-capaian-sasaran", "chart-trend" })
        {
            Assert.True(await browser.Page.Locator($"#{id} svg.main-svg").CountAsync() >= 1, $"{id} has no plot SVG");
        }

        // The numbers drawn are the backend's.
        using var api = await system.ApiAsAsync("bantul", "sekda");
        var overview = await api.GetFromJsonAsync<JsonElement>("api/dashboard/overview");
        decimal average = overview.GetProperty("capaianByOpd")[0].GetProperty("capaian").GetProperty("capaian").GetProperty("value").GetDecimal();
        string bar = await browser.Page.Locator("#chart-capaian-opd text.bartext").First.TextContentAsync() ?? "";
        Assert.Contains(average.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) + "%", bar);
        Assert.Equal(4, await browser.Page.Locator("#chart-trend .scatterlayer .point").CountAsync());
        int late = overview.GetProperty("kpi").GetProperty("stepsLateNow").GetInt32();
        Assert.Equal(late.ToString(System.Globalization.CultureInfo.InvariantCulture), (await browser.Page.Locator("[data-kpi=late] .kpi-value").TextContentAsync())!.Trim());
        var more = browser.Page.Locator(".more-overdue > button");
        if (await more.CountAsync() > 0)
        {
            await more.ClickAsync(); // beyond the first 15 the circuit renders the rest when asked for
            await browser.Page.Locator(".more-overdue ol.overdue").WaitForAsync();
        }

        Assert.Equal(overview.GetProperty("overdue").GetArrayLength(), await browser.Page.Locator("ol.overdue > li").CountAsync()); // all, shown or unfolded
        await browser.ScreenshotAsync("01-ringkasan-pimpinan");

        // A slicer lands in the URL and the backend's answer for it is shown.
        await browser.WaitForChartsAsync();
        await browser.MarkDocumentAsync();
        await browser.Page.SelectOptionAsync("#s-periode", "2026-Q3");
        await browser.Page.WaitForURLAsync(url => url.Contains("periode=2026-Q3", StringComparison.Ordinal));
        // Redrawn in place: the same document, the heading says the triwulan, and a link to this URL reproduces it.
        await browser.Page.Locator(".page-head p:has-text('Triwulan III 2026')").WaitForAsync();
        Assert.True(await browser.IsSameDocumentAsync(), "the slicer reloaded the page");
        await browser.WaitForChartsAsync();
        Assert.Contains("Triwulan III 2026", await browser.Page.Locator(".page-head p").First.TextContentAsync());
        string link = browser.Page.Url;
        await browser.Page.GotoAsync(link); // the URL alone reproduces the view
        string heading = await browser.Page.Locator(".page-head p").First.TextContentAsync() ?? "";
        Assert.True(heading.Contains("Triwulan III 2026", StringComparison.Ordinal), $"{link}: {heading}");
        Assert.DoesNotContain("opd=", browser.Page.Url); // "Semua OPD" stays out of the URL
        await browser.ScreenshotAsync("02-ringkasan-triwulan-iii");

        // Drill down: a heatmap cell opens that step of the OPD's run.
        await browser.Page.GotoAsync("/ringkasan");
        await browser.WaitForChartsAsync();
        var cell = await PointAsync(browser.Page, "#chart-heatmap", 0, 0);
        await browser.Page.Mouse.ClickAsync(cell.X, cell.Y);
        await browser.Page.WaitForURLAsync(url => url.Contains("/pelaksanaan/", StringComparison.Ordinal));
        Assert.Contains("#langkah-", browser.Page.Url);
        Assert.True(await browser.Page.Locator("svg.swimlane a.node").CountAsync() >= 5);
        Assert.True(await browser.Page.Locator("svg.swimlane .terminator").CountAsync() == 2);
        await browser.ScreenshotAsync("03-pelaksanaan");
        await browser.Page.Locator(".swimlane-wrap").ScreenshotAsync(new() { Path = Path.Combine(Support.Browser.OutputFolder, "03b-diagram-alir-swimlane.png") });

        // ... and a shape of the flowchart opens the step's details.
        var node = browser.Page.Locator("svg.swimlane a.node").Nth(1);
        string step = (await node.GetAttributeAsync("data-step"))!;
        await node.ClickAsync();
        Assert.EndsWith("#langkah-" + step, browser.Page.Url);
        await browser.Page.Locator($"li#langkah-{step}").WaitForAsync(new() { State = WaitForSelectorState.Visible });

        await browser.Page.GotoAsync("/capaian");
        Assert.True(await browser.Page.Locator("table.capaian tbody tr").CountAsync() >= 3);
        await browser.ScreenshotAsync("05-capaian-indikator");
        Assert.True(browser.ScriptErrors.Count == 0, "script errors: " + string.Join(" | ", browser.ScriptErrors));
    }

    [Fact]
    public async Task Overview_OnAPhone_FitsTheScreen_AndStillDrawsTheCharts()
    {
        await using var browser = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress, 390, 844, mobile: true);
        await browser.SignInAsync("balangan", "sekda");
        Assert.Equal(5, await browser.WaitForChartsAsync());
        int overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone's screen.");
        await browser.ScreenshotAsync("06-ringkasan-ponsel");
        await browser.Page.Locator("ol.overdue a").First.ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("/pelaksanaan/", StringComparison.Ordinal));
        await browser.ScreenshotAsync("07-pelaksanaan-ponsel", fullPage: false);
        Assert.True(browser.ScriptErrors.Count == 0, "script errors: " + string.Join(" | ", browser.ScriptErrors));
    }

    [Fact]
    public async Task Export_Buttons_DownloadTheRekap()
    {
        await using var browser = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress);
        await browser.SignInAsync("kutai-kartanegara", "sekda");
        // The slicer chosen on the page travels with the download: the file is that triwulan's rekap.
        await browser.WaitForChartsAsync();
        await browser.MarkDocumentAsync();
        await browser.Page.SelectOptionAsync("#s-periode", "2026-Q3");
        await browser.Page.WaitForURLAsync(url => url.Contains("periode=2026-Q3", StringComparison.Ordinal));
        // Redrawn in place: the same document, the heading says the triwulan, and a link to this URL reproduces it.
        await browser.Page.Locator(".page-head p:has-text('Triwulan III 2026')").WaitForAsync();
        Assert.True(await browser.IsSameDocumentAsync(), "the slicer reloaded the page");
        var download = await browser.Page.RunAndWaitForDownloadAsync(() => browser.Page.ClickAsync("a:has-text('Unduh rekap .xlsx')"));
        Assert.Equal("Rekap-Capaian-kutai-kartanegara-2026-TW-III.xlsx", download.SuggestedFilename);
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "not an xlsx (zip) file");
        File.Delete(path);

        // The printed page: no navigation, slicers or buttons; the charts and the late list stay.
        await browser.WaitForChartsAsync();
        await browser.Page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await browser.Page.Locator(".topbar").IsHiddenAsync());
        Assert.True(await browser.Page.Locator("form.slicers").IsHiddenAsync());
        Assert.True(await browser.Page.Locator("#chart-trend svg.main-svg").First.IsVisibleAsync());
        await browser.ScreenshotAsync("08-ringkasan-cetak");
    }

    /// <summary>Screen coordinates of category (x, y) of a chart's first axes, from plotly's own axis functions.</summary>
    internal static async Task<(float X, float Y)> PointAsync(IPage page, string chart, double x, double y)
    {
        // A mouse click lands only inside the viewport.
        await page.Locator(chart).ScrollIntoViewIfNeededAsync();
        var point = await page.EvaluateAsync<JsonElement>(@"([sel, x, y]) => {
            const gd = document.querySelector(sel + ' .plot');
            const r = gd.getBoundingClientRect();
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            return { x: r.left + xa._offset + xa.l2p(x), y: r.top + ya._offset + ya.l2p(y) };
        }", new object[] { chart, x, y });
        return ((float)point.GetProperty("x").GetDouble(), (float)point.GetProperty("y").GetDouble());
    }
}
