using System.Net.Http.Json;
using System.Text.Json;

namespace SakipServerless.Dashboard.Tests.Browser;

/// <summary>
/// Every page on the smallest phone in use (360×740): nothing may push the page sideways. A table may scroll inside
/// its own frame, the page may not; the user trial found tables and the swimlane doing exactly that.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PhoneWidthTests(SystemFixture system)
{
    private const int Width = 360;

    [Fact]
    public async Task EveryPage_FitsA360PixelScreen_WithoutSidewaysScrolling()
    {
        var pages = new List<(string Tenant, string User, string Path)>
        {
            ("jeneponto", "sekda", "/ringkasan"),
            ("jeneponto", "sekda", "/ringkasan?periode=2026-Q3"),
            ("jeneponto", "sekda", "/capaian"),
            ("jeneponto", "sekda", "/pelaksanaan"),
            ("jeneponto", "sekda", "/notifikasi"),
            ("jeneponto", "admin", "/admin"),
            ("jeneponto", "admin", "/admin/opd"),
            ("jeneponto", "admin", "/admin/pengguna"),
            ("jeneponto", "admin", "/admin/indikator"),
            ("jeneponto", "admin", "/admin/pengaturan"),
            ("jeneponto", "admin", "/admin/sop"),
        };
        using (var api = await system.ApiAsAsync("jeneponto", "sekda"))
        {
            var runs = (await api.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray().ToList();
            pages.AddRange(runs.Take(2).Select(r => ("jeneponto", "sekda", "/pelaksanaan/" + r.GetProperty("id").GetString())));
            var capaian = await api.GetFromJsonAsync<JsonElement>("api/dashboard/capaian");
            var opd = capaian.GetProperty("opds")[0];
            string indicator = opd.GetProperty("indicators")[0].GetProperty("indicatorId").GetString()!;
            pages.Add(("jeneponto", "sekda", $"/capaian/{opd.GetProperty("opdId").GetString()}/{indicator}"));
        }

        // Staff and reviewers: their task lists and every task page the list links to.
        var workers = new[] { ("kutai-kartanegara", "staf-kel-wonotirto"), ("jeneponto", "kasubag-perencanaan"), ("jeneponto", "kasubid-kasubag"), ("balangan", "kepala-bidang"), ("banggai", "kasubag-perenc"), ("banggai", "staf-desa-maasing") };

        var faults = new List<string>();
        await using var browser = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress, Width, 740, mobile: true);
        string? signedIn = null;
        foreach (var (tenant, user, path) in pages)
        {
            if (signedIn != $"{tenant}/{user}")
            {
                signedIn = $"{tenant}/{user}";
                await SwitchAsync(browser, tenant, user);
            }

            await CheckAsync(browser, path, faults);
        }

        foreach (var (tenant, user) in workers)
        {
            await SwitchAsync(browser, tenant, user);
            await CheckAsync(browser, "/tugas", faults);
            var links = await browser.Page.Locator("a[href*='/tugas/']").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
            foreach (string link in links.Distinct().Take(3))
            {
                await CheckAsync(browser, link, faults);
            }
        }

        await browser.Page.GotoAsync("/keluar-dulu-tidak-ada"); // an unknown page: the error page fits as well
        faults.AddRange(await OverflowAsync(browser, "(halaman tidak ada)"));
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task OnAPhone_TheHeatmapIsChipsThatWrap_NoLabelOverlapsAnother_AndEachOpensItsStep()
    {
        await using var browser = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress, Width, 740, mobile: true);
        await browser.SignInAsync("bantul", "sekda");
        await browser.WaitForChartsAsync();
        Assert.False(await browser.Page.Locator("#chart-heatmap .chart").IsVisibleAsync());
        Assert.True(await browser.Page.Locator(".heatmap-compact").IsVisibleAsync());

        using var api = await system.ApiAsAsync("bantul", "sekda");
        var heatmap = (await api.GetFromJsonAsync<JsonElement>("api/dashboard/overview")).GetProperty("heatmap");
        int cells = heatmap.GetProperty("rows").GetArrayLength() * heatmap.GetProperty("steps").GetArrayLength();
        Assert.Equal(cells, await browser.Page.Locator(".hm-cell").CountAsync());
        bool overlap = await browser.Page.EvaluateAsync<bool>("""
            () => {
              const boxes = [...document.querySelectorAll('.heatmap-compact .hm-cell, .heatmap-compact .hm-opd')].map(e => e.getBoundingClientRect());
              return boxes.some((a, i) => boxes.some((b, j) => j > i && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5));
            }
            """);
        Assert.False(overlap, "labels of the phone heatmap overlap");
        await browser.ScreenshotAsync("04-ringkasan-peta-panas-ponsel");

        await browser.Page.Locator("a.hm-cell").First.ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("/pelaksanaan/", StringComparison.Ordinal) && url.Contains("#langkah-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnAPhone_TheSwimlaneScrollsInItsFrame_WithTheLaneTitlesPinned()
    {
        await using var browser = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress, Width, 740, mobile: true);
        await browser.SignInAsync("balangan", "sekda");
        using var api = await system.ApiAsAsync("balangan", "sekda");
        string run = (await api.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray().First().GetProperty("id").GetString()!;
        await browser.Page.GotoAsync($"/pelaksanaan/{run}");
        await browser.WaitForLiveAsync();

        var frame = await browser.Page.EvaluateAsync<JsonElement>("""
            () => {
              const wrap = document.querySelector('.swimlane-wrap');
              wrap.scrollTop = 600; wrap.scrollLeft = 200;
              const heads = wrap.querySelector('.lane-heads').getBoundingClientRect();
              return { scrollsDown: wrap.scrollHeight > wrap.clientHeight, scrollsSideways: wrap.scrollWidth > wrap.clientWidth,
                       scrolled: wrap.scrollTop, pinned: Math.abs(heads.top - wrap.getBoundingClientRect().top) < 2,
                       lanes: wrap.querySelectorAll('.lane-head').length, titles: wrap.querySelectorAll('svg .lane-title').length };
            }
            """);
        Assert.True(frame.GetProperty("scrollsDown").GetBoolean() && frame.GetProperty("scrollsSideways").GetBoolean(), $"the flowchart fits: {frame}");
        Assert.True(frame.GetProperty("scrolled").GetInt32() > 0);
        Assert.True(frame.GetProperty("pinned").GetBoolean(), $"lane titles scrolled away: {frame}");
        Assert.Equal(frame.GetProperty("titles").GetInt32(), frame.GetProperty("lanes").GetInt32());
        await browser.Page.Locator(".swimlane-wrap").ScreenshotAsync(new() { Path = Path.Combine(Support.Browser.OutputFolder, "05-diagram-alir-ponsel-tergulir.png") });
    }

    private static async Task SwitchAsync(Support.Browser browser, string tenant, string user)
    {
        await browser.Context.ClearCookiesAsync();
        await browser.SignInAsync(tenant, user);
    }

    private static async Task CheckAsync(Support.Browser browser, string path, List<string> faults)
    {
        await browser.Page.GotoAsync(path);
        await browser.WaitForLiveAsync();
        if (await browser.Page.Locator("[data-chart]").CountAsync() > 0)
        {
            await browser.WaitForChartsAsync();
        }

        faults.AddRange(await OverflowAsync(browser, path));
    }

    /// <summary>The page's width beyond the screen, with the widest elements that stick out (what to fix).</summary>
    private static async Task<IEnumerable<string>> OverflowAsync(Support.Browser browser, string path)
    {
        var result = await browser.Page.EvaluateAsync<JsonElement>("""
            width => {
              // Not innerWidth: a mobile browser zooms out to show a page wider than its screen, and innerWidth grows with it.
              const over = document.documentElement.scrollWidth - width;
              if (over <= 0) return { over, culprits: [] };
              const inScroller = el => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
              const culprits = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 1 && !inScroller(el))
                .slice(0, 5)
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' → ' + Math.round(el.getBoundingClientRect().right) + 'px');
              return { over, culprits };
            }
            """, Width);
        int over = result.GetProperty("over").GetInt32();
        return over <= 0 ? [] : [$"{path}: {over}px wider than {Width}px ({string.Join("; ", result.GetProperty("culprits").EnumerateArray().Select(c => c.GetString()))})"];
    }
}
