extern alias dashboard;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SakipServerless.Api.Templates;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Dashboard.Bench;

namespace SakipServerless.Dashboard.Tests.Browser;

/// <summary>
/// The interactive overview on a pemda of several OPDs (the demo pemda have one each): a bar cross-filters the other
/// visuals in place, and the page follows the backend live, without a reload, when a run starts.
/// </summary>
[Collection(OwnSystemCollection.Name)]
public sealed class InteractiveOverviewTests : IAsyncLifetime
{
    private readonly SystemFixture _system = new()
    {
        DashboardSettings = new Dictionary<string, string>
        {
            ["Dashboard:RefreshSeconds"] = "1",
            ["Dashboard:DemoTenants:5:Id"] = BenchData.TenantId,
            ["Dashboard:DemoTenants:5:Name"] = "Kabupaten Uji Beban",
        },
    };

    public async Task InitializeAsync()
    {
        await _system.InitializeAsync();
        var services = _system.Backend.Services;
        var documents = services.GetRequiredService<IDocumentStore>();
        var data = new BenchData(documents, services.GetRequiredService<IRunStore>(), services.GetRequiredService<TemplateCatalog>(), Repository.PathOf("sop"));
        await data.SeedAsync(opds: 4, indicators: 3, units: 2, SystemFixture.SeedMoment.Year, SystemFixture.SeedMoment);
        await documents.PutAsync(BenchData.TenantId, DocumentKinds.User, "admin",
            new AppUser { Id = "admin", TenantId = BenchData.TenantId, Name = "Admin Uji", Roles = [WellKnownRoles.Admin] });
    }

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task ABar_CrossFiltersTheOtherVisualsInPlace_AndTheChipDrillsThrough()
    {
        using var api = await _system.ApiAsAsync(BenchData.TenantId, "sekda");
        var overview = await api.GetFromJsonAsync<JsonElement>("api/dashboard/overview");
        await using var browser = await Support.Browser.LaunchAsync(_system.Dashboard.BaseAddress);
        await browser.SignInAsync(BenchData.TenantId, "sekda");

        // A completion bar cross-filters the other visuals in place: the sasaran chart keeps that OPD's sasaran, the URL
        // keeps the slicers, a chip names the filter; the chip's link drills through to the OPD's runs.
        await browser.WaitForChartsAsync();
        await browser.MarkDocumentAsync();
        await browser.Page.Locator("#chart-completion [data-clicks=ready]").WaitForAsync();
        int sasaranBefore = await BarsAsync(browser.Page, "#chart-capaian-sasaran");
        Assert.Equal(overview.GetProperty("capaianBySasaran").GetArrayLength(), sasaranBefore);
        // An OPD whose sasaran are not all of them, so the filter shows; bars are drawn bottom up, in reverse order.
        var drawn = overview.GetProperty("completion").EnumerateArray().Select(c => c.GetProperty("opdId").GetString()).Reverse().ToList();
        var sasaranOwners = overview.GetProperty("capaianBySasaran").EnumerateArray().Select(c => c.GetProperty("opdId").GetString()).ToList();
        int pick = drawn.FindIndex(opd => sasaranOwners.Count(o => o == opd) < sasaranOwners.Count);
        Assert.True(pick >= 0, "every OPD has every sasaran");
        var clicks = new BarClicker(browser.Page, "#chart-completion");
        await clicks.ClickAsync(pick);
        await browser.Page.Locator(".filter-chip").WaitForAsync();
        string focused = (await browser.Page.Locator(".filter-chip").GetAttributeAsync("data-focus"))!;
        var ofFocused = await api.GetFromJsonAsync<JsonElement>("api/dashboard/overview?opdId=" + Uri.EscapeDataString(focused));
        int sasaranOfFocused = ofFocused.GetProperty("capaianBySasaran").GetArrayLength();
        Assert.True(sasaranOfFocused < sasaranBefore, $"{focused} has every sasaran: pick another bar");
        await browser.Page.WaitForFunctionAsync("n => document.querySelector('#chart-capaian-sasaran .plot').data[0].y.length === n", sasaranOfFocused);
        Assert.True(await browser.IsSameDocumentAsync(), "the cross-filter reloaded the page");
        Assert.EndsWith("/ringkasan", browser.Page.Url);
        Assert.Equal(1, await BarsAsync(browser.Page, "#chart-heatmap")); // the heatmap keeps the OPD's own row
        // The chart clicked keeps every OPD and fades the others.
        Assert.Equal(overview.GetProperty("completion").GetArrayLength(), await BarsAsync(browser.Page, "#chart-completion"));
        await browser.ScreenshotAsync("04a-ringkasan-disaring");

        // The same bar again clears the filter.
        await clicks.ClickAsync(pick);
        await browser.Page.WaitForFunctionAsync("n => document.querySelector('#chart-capaian-sasaran .plot').data[0].y.length === n", sasaranBefore);
        Assert.Equal(0, await browser.Page.Locator(".filter-chip").CountAsync());

        await clicks.ClickAsync(pick);
        await browser.Page.ClickAsync(".filter-chip a:has-text('Buka pelaksanaan SOP')");
        await browser.Page.WaitForURLAsync(url => url.Contains("/pelaksanaan?", StringComparison.Ordinal) && url.Contains("opd=" + focused, StringComparison.Ordinal));
        Assert.True(await browser.Page.Locator("table.runs tbody tr").CountAsync() >= 1);
        await browser.ScreenshotAsync("04-pelaksanaan-opd");

        Assert.True(browser.ScriptErrors.Count == 0, "script errors: " + string.Join(" | ", browser.ScriptErrors));
    }

    [Fact]
    public async Task AnOpenOverview_FollowsTheBackend_WithoutAReload_WhenARunStarts()
    {
        await using var browser = await Support.Browser.LaunchAsync(_system.Dashboard.BaseAddress);
        await browser.SignInAsync(BenchData.TenantId, "sekda");
        await browser.WaitForChartsAsync();
        await browser.MarkDocumentAsync();
        int before = await BarsAsync(browser.Page, "#chart-completion");

        // Elsewhere, the admin registers an OPD and starts its run for the triwulan.
        using var admin = await _system.ApiAsAsync(BenchData.TenantId, "admin");
        (await admin.PostAsJsonAsync("api/opds", new
        {
            id = "dinas-baru", name = "Dinas Baru", templateId = "samboja-kecamatan-pengumpulan-data-kinerja",
            units = new[] { new { id = "dinas-baru-umum", name = "Subbagian Umum" } },
        })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("api/runs", new { opdId = "dinas-baru", period = "2026-Q4" })).EnsureSuccessStatusCode();

        // The open page redraws by itself: one more OPD bar, and it says it was updated.
        await browser.Page.WaitForFunctionAsync("n => document.querySelector('#chart-completion .plot').data[0].y.length === n", before + 1);
        await browser.Page.Locator("[data-refresh-status]:has-text('diperbarui otomatis')").WaitForAsync();
        Assert.True(await browser.IsSameDocumentAsync(), "the page was reloaded");
        await browser.Page.ClickAsync("#chart-completion .chart-data button:has-text('Lihat data')");
        await browser.Page.Locator("#chart-completion .chart-data td:has-text('Dinas Baru')").WaitForAsync();
        Assert.True(browser.ScriptErrors.Count == 0, "script errors: " + string.Join(" | ", browser.ScriptErrors));
    }

    /// <summary>
    /// Clicks a bar of one chart as a user does, one click at a time: plotly.js counts a second press on the same chart
    /// within its doubleClickDelay (300 ms) as a double-click (a zoom reset, no plotly_click), and a fast machine gets
    /// from one click's redraw to the next click sooner than that.
    /// </summary>
    private sealed class BarClicker(IPage page, string chart)
    {
        private static readonly TimeSpan DoubleClickDelay = TimeSpan.FromMilliseconds(300 + 100);
        private readonly System.Diagnostics.Stopwatch _sinceLast = new();

        public async Task ClickAsync(int bar)
        {
            if (_sinceLast.IsRunning && _sinceLast.Elapsed < DoubleClickDelay)
            {
                await Task.Delay(DoubleClickDelay - _sinceLast.Elapsed);
            }

            // Measured each time: the filter chip above the charts moves them.
            var point = await PimpinanBrowserTests.PointAsync(page, chart, 0.5, bar);
            await page.Mouse.ClickAsync(point.X, point.Y);
            _sinceLast.Restart();
        }
    }

    /// <summary>How many categories a chart's first trace draws (bars, or heatmap rows).</summary>
    private static Task<int> BarsAsync(IPage page, string chart) => page.EvaluateAsync<int>("sel => document.querySelector(sel + ' .plot').data[0].y.length", chart);
}
