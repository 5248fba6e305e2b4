using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SakipServerless.Dashboard.Tests.Support;

namespace SakipServerless.Dashboard.Tests.Browser;

/// <summary>
/// The README's demo walk-through, step for step as written: a desa resubmits with evidence, the Kasubag returns it,
/// the desa corrects it, the Kasubag accepts it. A system of its own, so the shared demo data stays as seeded.
/// </summary>
[Collection(OwnSystemCollection.Name)]
public sealed class ReadmeWalkthroughTests : IAsyncLifetime
{
    private const string Run = "demo-kecamatan-batui-selatan-2026-q4";
    private const string Collect = "menyusun-data-kinerja";
    private readonly SystemFixture _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task StaffSubmit_Return_Resubmit_Accept_WorksAsTheReadmeSays()
    {
        await using var browser = await Support.Browser.LaunchAsync(_system.Dashboard.BaseAddress, 412, 915, mobile: true);
        var page = browser.Page;

        // 1. The desa's returned task: reason above the form, earlier values and report filled in.
        await browser.SignInAsync("banggai", "staf-desa-maasing");
        var task = page.Locator("a[href*='/tugas/unit/']").First;
        Assert.Contains("Langkah 5", await page.Locator("main").TextContentAsync());
        await task.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/tugas/unit/", StringComparison.Ordinal));
        string taskPage = page.Url;
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator(".notice.warn").TextContentAsync()));
        Assert.Contains("Lampirkan sedikitnya 1 berkas", await page.Locator(".evidence-rule").TextContentAsync());
        Assert.Equal(1, await page.Locator(".upload.done").CountAsync());
        await page.Locator("#nilai-tata-kelola-desa-2026").FillAsync("82");
        await page.Locator("[data-indicator='tata-kelola-desa-2026'] [data-preview] .badge").WaitForAsync();
        await page.ClickAsync("button:has-text('Kirim realisasi')");
        await page.WaitForURLAsync(url => url.Contains("/tugas?selesai=kirim", StringComparison.Ordinal));
        Assert.Matches(@"^Realisasi \d+ indikator dan 1 berkas bukti dukung terkirim", await page.Locator(".notice.ok").TextContentAsync() ?? "");
        await page.GotoAsync(taskPage);
        Assert.Contains("menunggu pemeriksaan", await page.Locator("[data-readonly] .notice.ok").TextContentAsync());

        // 2. Keluar; the Kasubag opens Desa Maasing, sees values and the file, returns it with a reason.
        await SignOutAsync(page);
        await browser.SignInAsync("banggai", "kasubag-perenc");
        await page.ClickAsync("a[href$='/desa-maasing']");
        await page.WaitForURLAsync(url => url.Contains("/tugas/periksa/", StringComparison.Ordinal));
        var file = page.Locator(".evidence-list a").First;
        Assert.Equal(200, (await page.APIRequest.GetAsync(await file.GetAttributeAsync("href") ?? "")).Status);
        const string Reason = "Nilai tata kelola belum sesuai berita acara; mohon diperbaiki.";
        await page.FillAsync("#alasan", Reason);
        // On the phone the review page fits the screen: the table used to push the page sideways under the buttons.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the review page scrolls sideways");
        await browser.ScreenshotAsync("15-periksa-kiriman-ponsel");
        await page.ClickAsync("button:has-text('Kembalikan ke unit')");
        await page.WaitForURLAsync(url => url.Contains("/tugas?selesai=tolak", StringComparison.Ordinal));

        // 3. The desa sees the new reason, corrects, sends again (the file is kept).
        await SignOutAsync(page);
        await browser.SignInAsync("banggai", "staf-desa-maasing");
        await page.GotoAsync(taskPage);
        Assert.Contains(Reason, await page.Locator(".notice.warn").TextContentAsync());
        await page.Locator("#nilai-tata-kelola-desa-2026").FillAsync("81");
        await page.ClickAsync("button:has-text('Kirim realisasi')");
        await page.WaitForURLAsync(url => url.Contains("/tugas?selesai=kirim", StringComparison.Ordinal));

        // 4. The Kasubag accepts.
        await SignOutAsync(page);
        await browser.SignInAsync("banggai", "kasubag-perenc");
        await page.ClickAsync("a[href$='/desa-maasing']");
        await page.WaitForURLAsync(url => url.Contains("/tugas/periksa/", StringComparison.Ordinal));
        await page.ClickAsync("button:has-text('Terima kiriman')");
        await page.WaitForURLAsync(url => url.Contains("/tugas?selesai=terima", StringComparison.Ordinal));
        Assert.True(browser.ScriptErrors.Count == 0, "script errors: " + string.Join(" | ", browser.ScriptErrors));

        using var api = await _system.ApiAsAsync("banggai", "kasubag-perenc");
        var run = await api.GetFromJsonAsync<JsonElement>($"api/runs/{Run}");
        var unit = run.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == Collect)
            .GetProperty("unitTasks").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "desa-maasing");
        Assert.Equal("accepted", unit.GetProperty("status").GetString());
        Assert.Equal(81m, unit.GetProperty("submission").GetProperty("realisasi").EnumerateArray()
            .Single(r => r.GetProperty("indicatorId").GetString() == "tata-kelola-desa-2026").GetProperty("value").GetDecimal());
        Assert.NotEmpty(unit.GetProperty("submission").GetProperty("evidenceFileIds").EnumerateArray());
        var kinds = run.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("unit-task-returned", kinds);
        Assert.Contains("unit-task-accepted", kinds);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync("button:has-text('Keluar')");
        await page.WaitForURLAsync(url => url.Contains("/masuk", StringComparison.Ordinal));
    }
}
