using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace SakipServerless.Dashboard.Tests.Browser;

/// <summary>
/// The admin in a real browser: uploads an SOP document, corrects the draft with the checks answering while typing,
/// publishes it, and starts a period's run from the run list. A system of its own: it publishes and starts runs.
/// </summary>
[Collection(OwnSystemCollection.Name)]
public sealed class AdminBrowserTests : IAsyncLifetime
{
    private readonly SystemFixture _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task AnSopDocument_IsUploaded_CorrectedWithChecksAsYouType_Published_AndARunStarted()
    {
        await using var browser = await Support.Browser.LaunchAsync(_system.Dashboard.BaseAddress);
        await browser.SignInAsync("banggai", "admin");
        await browser.Page.GotoAsync("/admin/sop");
        string seed = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "sop", "seeds"), "*.txt").Order().Last();
        await browser.Page.SetInputFilesAsync("#berkas-sop", seed);
        await browser.Page.ClickAsync("button:has-text('Baca dokumen')");
        await browser.Page.Locator("#draf").WaitForAsync();

        // The draft editor checks a waktu while it is typed, at its own step, and the form sends what was typed.
        var editor = browser.Page.Locator("[data-draft-editor]");
        await editor.WaitForAsync();
        var waktu = editor.Locator("input.duration").First;
        string original = await waktu.InputValueAsync();
        await waktu.FillAsync("dua jam");
        var row = editor.Locator("tr:has(input.duration)").First;
        await row.Locator(".field-error:has-text('tidak dapat dibaca')").WaitForAsync();
        await editor.Locator("[data-draft-state=errors]").WaitForAsync();
        Assert.Contains("DUA JAM", await browser.Page.Locator("textarea[name=draf]").InputValueAsync());
        await browser.ScreenshotAsync("11-admin-draf-salah");

        await waktu.FillAsync(string.IsNullOrEmpty(original) ? "PT1H" : original);
        await row.Locator(".field-error").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        if (await browser.Page.Locator("#zona-sop").CountAsync() > 0)
        {
            await browser.Page.SelectOptionAsync("#zona-sop", "Asia/Makassar");
        }

        await browser.Page.ClickAsync("button:has-text('Terbitkan versi baru')");
        await browser.Page.WaitForURLAsync(url => url.Contains("selesai=", StringComparison.Ordinal));
        Assert.Contains("terbit sebagai versi", await browser.Page.Locator("main").TextContentAsync());

        // A run for a triwulan without one (the demo has all of 2026), started from the run list.
        using var api = await _system.ApiAsAsync("banggai", "admin");
        var opd = (await api.GetFromJsonAsync<JsonElement>("api/opds"))[0].GetProperty("id").GetString()!;
        var runs = (await api.GetFromJsonAsync<JsonElement>($"api/runs?opdId={opd}&year=2027")).EnumerateArray().Select(r => r.GetProperty("period").GetString()).ToHashSet();
        string period = Enumerable.Range(1, 4).Select(q => $"2027-Q{q}").First(p => !runs.Contains(p));
        await browser.Page.GotoAsync("/pelaksanaan?tahun=2027");
        await browser.Page.ClickAsync("details.start-runs summary");
        await browser.Page.SelectOptionAsync("#mulai-opd", opd);
        await browser.Page.SelectOptionAsync("#mulai-periode", period);
        await browser.Page.ClickAsync("details.start-runs button:has-text('Mulai')");
        // One OPD's run opens its page, with the history saying who started it.
        await browser.Page.WaitForURLAsync(url => url.Contains("/pelaksanaan/", StringComparison.Ordinal));
        await browser.Page.Locator(".timeline li:has-text('dimulai')").First.WaitForAsync();
        await browser.ScreenshotAsync("12-admin-pelaksanaan-dimulai");
        var after = (await api.GetFromJsonAsync<JsonElement>($"api/runs?opdId={opd}&year=2027")).EnumerateArray().Select(r => r.GetProperty("period").GetString());
        Assert.Contains(period, after);
        Assert.True(browser.ScriptErrors.Count == 0, "script errors: " + string.Join(" | ", browser.ScriptErrors));
    }
}
