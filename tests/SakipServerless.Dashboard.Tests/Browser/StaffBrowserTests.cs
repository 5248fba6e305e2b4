using System.Text.Json;
using Microsoft.Playwright;

namespace SakipServerless.Dashboard.Tests.Browser;

/// <summary>Staff in a real browser: a desa resubmits its realisasi with evidence, the Kasubag returns and accepts, a report is redone and approved.</summary>
[Collection(SystemCollection.Name)]
public sealed class StaffBrowserTests(SystemFixture system)
{
    private const string Run = "demo-kecamatan-batui-selatan-2026-q4";
    private const string Collect = "menyusun-data-kinerja";

    [Fact]
    public async Task Desa_SubmitsWithAnError_ThenCorrectly_WithEvidenceThatSurvivesADroppedConnection_AndTheKasubagReturnsAndAccepts()
    {
        string fileId;
        int pdfLength;
        await using (var staff = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress, 412, 915, mobile: true))
        {
            await staff.SignInAsync("banggai", "staf-desa-maasing");
            Assert.EndsWith("/tugas", staff.Page.Url);
            await staff.ScreenshotAsync("10-tugas-saya-staf-ponsel");
            // The countdown runs on the server's clock (here the tests' manual one), not the device's.
            Assert.StartsWith("sisa ", await staff.Page.Locator("time[data-countdown]").First.TextContentAsync());
            await staff.Page.ClickAsync("a[href*='/tugas/unit/']");
            await staff.Page.WaitForURLAsync(url => url.Contains("/tugas/unit/", StringComparison.Ordinal));
            string unitPage = staff.Page.Url;
            const string ReturnReason = "belum ditandatangani kepala unit";
            Assert.Contains(ReturnReason, await staff.Page.Locator(".notice.warn").TextContentAsync());
            // The collect step asks for evidence, and the returned submission comes back with its report attached.
            Assert.Contains("Lampirkan sedikitnya 1 berkas", await staff.Page.Locator(".evidence-rule").TextContentAsync());
            var attached = staff.Page.Locator(".upload.done");
            Assert.Contains("laporan-realisasi-desa-maasing", await attached.Locator(".name").TextContentAsync());

            // An error is shown next to the field while typing, and again by the server if sent anyway.
            var value = staff.Page.Locator("#nilai-tata-kelola-desa-2026");
            await value.FillAsync("delapan puluh");
            await value.BlurAsync();
            Assert.Contains("bukan angka", await staff.Page.Locator("[data-indicator='tata-kelola-desa-2026'] [data-error]").TextContentAsync());
            await staff.Page.ClickAsync("button:has-text('Kirim realisasi')");
            await staff.Page.WaitForSelectorAsync("#form-error");
            Assert.Contains("/tugas/unit/", staff.Page.Url);
            Assert.Contains("bukan angka", await staff.Page.Locator("[data-indicator='tata-kelola-desa-2026'] .field-error").TextContentAsync());
            Assert.Equal("true", await staff.Page.Locator("#nilai-tata-kelola-desa-2026").GetAttributeAsync("aria-invalid"));
            await staff.ScreenshotAsync("11-kirim-realisasi-galat");

            // Corrected: the capaian appears before sending.
            await staff.Page.Locator("#nilai-tata-kelola-desa-2026").FillAsync("80,5");
            var preview = staff.Page.Locator("[data-indicator='tata-kelola-desa-2026'] [data-preview] .badge");
            await preview.WaitForAsync();
            Assert.Matches(@"^\d+(,\d+)?% · ", await preview.TextContentAsync() ?? "");

            // Without a file the backend refuses it: said beside the uploader, the return reason still shown, nothing stored.
            await attached.Locator("[data-remove]").ClickAsync();
            await staff.Page.ClickAsync("button:has-text('Kirim realisasi')");
            await staff.Page.WaitForSelectorAsync("#form-error");
            Assert.Contains("Bukti dukung wajib dilampirkan", await staff.Page.Locator("#form-error").TextContentAsync());
            Assert.Contains("Bukti dukung wajib dilampirkan", await staff.Page.Locator(".evidence .field-error").TextContentAsync());
            Assert.Contains(ReturnReason, await staff.Page.Locator(".notice.warn").TextContentAsync());
            Assert.Equal(0, await staff.Page.Locator(".upload.done").CountAsync());
            await staff.ScreenshotAsync("11b-kirim-realisasi-tanpa-bukti");
            using (var kasubag = await system.ApiAsAsync("banggai", "kasubag-perenc"))
            {
                Assert.Equal("returned", (await UnitAsync(kasubag, "desa-maasing")).GetProperty("status").GetString());
            }

            // Evidence: chunks with a progress bar; the second chunk's connection drops once and the upload resumes.
            int dropped = 0;
            await staff.Page.RouteAsync(url => url.Contains("/unggah/", StringComparison.Ordinal) && url.Contains("offset=", StringComparison.Ordinal) && !url.Contains("offset=0", StringComparison.Ordinal), async route =>
            {
                if (dropped++ == 0)
                {
                    await route.AbortAsync("connectionreset");
                    return;
                }

                await route.ContinueAsync();
            });
            byte[] pdf = FakePdf(300 * 1024);
            pdfLength = pdf.Length;
            await staff.Page.SetInputFilesAsync("[data-file]", new FilePayload { Name = "laporan-bulanan-maasing.pdf", MimeType = "application/pdf", Buffer = pdf });
            var row = staff.Page.Locator(".upload.done");
            await row.WaitForAsync(new() { Timeout = 30_000 });
            Assert.True(dropped >= 2, "the dropped chunk was not sent again");
            Assert.Equal("100", await row.Locator("progress").GetAttributeAsync("value") ?? (await row.Locator("progress").EvaluateAsync<int>("p => p.value")).ToString(System.Globalization.CultureInfo.InvariantCulture));
            fileId = (await row.GetAttributeAsync("data-file-id"))!;
            Assert.False(string.IsNullOrEmpty(fileId));
            await staff.ScreenshotAsync("12-kirim-realisasi-dengan-bukti");

            // The user trial's outlier: 97 against a 25 % target. The backend asks to confirm, beside the field.
            await staff.Page.Locator("#nilai-dokumen-perencanaan-2026").FillAsync("97");
            await staff.Page.ClickAsync("button:has-text('Kirim realisasi')");
            var warning = staff.Page.Locator("[data-indicator='dokumen-perencanaan-2026'] [data-warning]");
            await warning.WaitForAsync();
            Assert.Contains("3,9× target triwulan (25 %)", await warning.TextContentAsync());
            Assert.Contains("/tugas/unit/", staff.Page.Url);
            Assert.Equal(1, await staff.Page.Locator(".upload.done").CountAsync()); // the uploaded file is still attached
            await staff.ScreenshotAsync("12b-kirim-realisasi-konfirmasi-nilai");
            await staff.Page.CheckAsync("input[name=konfirmasi]");
            await staff.Page.ClickAsync("button:has-text('Kirim realisasi')");
            await staff.Page.WaitForURLAsync(url => url.Contains("/tugas?selesai=kirim", StringComparison.Ordinal));
            Assert.Matches(@"^Realisasi \d+ indikator dan 1 berkas bukti dukung terkirim", await staff.Page.Locator(".notice.ok").TextContentAsync() ?? "");

            // Sent: the task page shows what was stored, read only, and who holds it now.
            await staff.Page.GotoAsync(unitPage);
            await staff.Page.Locator("[data-readonly]").WaitForAsync();
            Assert.Equal(0, await staff.Page.Locator("form.realisasi-form").CountAsync());
            Assert.Equal(0, await staff.Page.Locator("[data-file]").CountAsync());
            Assert.Contains("menunggu pemeriksaan", await staff.Page.Locator("[data-readonly] .notice.ok").TextContentAsync());
            Assert.Contains("laporan-bulanan-maasing.pdf", await staff.Page.Locator("[data-readonly] .evidence-list").TextContentAsync());
            Assert.Empty(staff.ScriptErrors);
        }

        using var api = await system.ApiAsAsync("banggai", "kasubag-perenc");
        var unit = await UnitAsync(api, "desa-maasing");
        Assert.Equal("submitted", unit.GetProperty("status").GetString());
        Assert.Equal(80.5m, unit.GetProperty("submission").GetProperty("realisasi").EnumerateArray().Single(r => r.GetProperty("indicatorId").GetString() == "tata-kelola-desa-2026").GetProperty("value").GetDecimal());
        Assert.Contains(fileId, unit.GetProperty("submission").GetProperty("evidenceFileIds").EnumerateArray().Select(e => e.GetString()));

        await using (var reviewer = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress))
        {
            await reviewer.SignInAsync("banggai", "kasubag-perenc");
            await reviewer.Page.GotoAsync("/tugas");
            await reviewer.ScreenshotAsync("13-tugas-saya-pemeriksa");
            await reviewer.Page.ClickAsync("a[href$='/desa-maasing']");
            await reviewer.Page.WaitForURLAsync(url => url.Contains("/tugas/periksa/", StringComparison.Ordinal));
            // The confirmed outlier carries its badge to the reviewer.
            var unusual = reviewer.Page.Locator("tr[data-indicator='dokumen-perencanaan-2026'] [data-unusual]");
            Assert.Equal("Perlu dicek", await unusual.TextContentAsync());

            // The reviewer sees the file by name and opens it through the dashboard.
            var link = reviewer.Page.Locator(".evidence-list a", new() { HasText = "laporan-bulanan-maasing.pdf" });
            Assert.Contains(fileId, await link.GetAttributeAsync("href"));
            var download = await reviewer.Page.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
            Assert.Equal(200, download.Status);
            Assert.Equal(pdfLength, (await download.BodyAsync()).Length);

            // A return needs a reason, said next to the field.
            await reviewer.Page.ClickAsync("button:has-text('Kembalikan ke unit')");
            await reviewer.Page.WaitForSelectorAsync(".return-form .field-error");
            Assert.Contains("alasan", await reviewer.Page.Locator(".return-form .field-error").TextContentAsync());
            await reviewer.ScreenshotAsync("14-periksa-kiriman-galat");
            await reviewer.Page.FillAsync("#alasan", "Nilai tata kelola tidak sesuai laporan bulanan Oktober; mohon periksa kembali.");
            await reviewer.Page.ClickAsync("button:has-text('Kembalikan ke unit')");
            await reviewer.Page.WaitForURLAsync(url => url.Contains("/tugas?selesai=tolak", StringComparison.Ordinal));

            await reviewer.Page.ClickAsync("a[href$='/desa-sukamaju-satu']");
            await reviewer.Page.WaitForURLAsync(url => url.Contains("/tugas/periksa/", StringComparison.Ordinal));
            await reviewer.Page.ClickAsync("button:has-text('Terima kiriman')");
            await reviewer.Page.WaitForURLAsync(url => url.Contains("/tugas?selesai=terima", StringComparison.Ordinal));
            Assert.Empty(reviewer.ScriptErrors);
        }

        var returned = await UnitAsync(api, "desa-maasing");
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.StartsWith("Nilai tata kelola", returned.GetProperty("lastReturnReason").GetString());
        Assert.Equal("accepted", (await UnitAsync(api, "desa-sukamaju-satu")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rework_IsCompletedWithItsChecklist_ThenTheKabidApproves()
    {
        await using (var kasubid = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress))
        {
            await kasubid.SignInAsync("jeneponto", "kasubid-kasubag");
            await kasubid.Page.ClickAsync("a[href*='/tugas/langkah/']");
            await kasubid.Page.WaitForURLAsync(url => url.Contains("/tugas/langkah/", StringComparison.Ordinal));
            Assert.Contains("Dikembalikan sebelumnya", await kasubid.Page.ContentAsync());

            await kasubid.Page.ClickAsync("button:has-text('Selesaikan langkah')");
            await kasubid.Page.WaitForSelectorAsync(".checklist .field-error");
            Assert.Contains("Centang kelengkapan", await kasubid.Page.Locator(".checklist .field-error").TextContentAsync());
            await kasubid.ScreenshotAsync("15-selesaikan-langkah-kelengkapan");
            foreach (var box in await kasubid.Page.Locator("input[name=kelengkapan]").AllAsync())
            {
                await box.CheckAsync();
            }

            await kasubid.Page.ClickAsync("button:has-text('Selesaikan langkah')");
            await kasubid.Page.WaitForURLAsync(url => url.Contains("/tugas?selesai=langkah", StringComparison.Ordinal));
        }

        await using (var kabid = await Support.Browser.LaunchAsync(system.Dashboard.BaseAddress))
        {
            await kabid.SignInAsync("jeneponto", "kabid");
            await kabid.Page.GotoAsync("/tugas");
            await kabid.Page.ClickAsync("a:has-text('Periksa dan setujui')");
            await kabid.Page.WaitForURLAsync(url => url.Contains("/tugas/langkah/", StringComparison.Ordinal));
            Assert.Contains("Kembalikan untuk diperbaiki", await kabid.Page.ContentAsync());
            await kabid.ScreenshotAsync("16-periksa-setujui");
            foreach (var box in await kabid.Page.Locator("input[name=kelengkapan]").AllAsync())
            {
                await box.CheckAsync();
            }

            await kabid.Page.ClickAsync("button:has-text('Setujui')");
            await kabid.Page.WaitForURLAsync(url => url.Contains("/tugas?selesai=setuju", StringComparison.Ordinal));
            Assert.Empty(kabid.ScriptErrors);
        }

        using var api = await system.ApiAsAsync("jeneponto", "kabid");
        var runs = await api.GetFromJsonAsync<JsonElement>("api/runs?year=2026");
        string runId = runs.EnumerateArray().Single(r => r.GetProperty("period").GetString() == "2026-Q4").GetProperty("id").GetString()!;
        var run = await api.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
        var review = run.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == "memeriksa-laporan-kinerja");
        Assert.Equal("done", review.GetProperty("status").GetString());
    }

    private static async Task<JsonElement> UnitAsync(HttpClient api, string unitId)
    {
        var run = await api.GetFromJsonAsync<JsonElement>($"api/runs/{Run}");
        return run.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == Collect)
            .GetProperty("unitTasks").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unitId);
    }

    /// <summary>Bytes that start and end like a PDF, so a type check by magic bytes accepts them.</summary>
    public static byte[] FakePdf(int size)
    {
        var bytes = new byte[size];
        new Random(42).NextBytes(bytes);
        var head = "%PDF-1.4\n"u8.ToArray();
        var tail = "\n%%EOF\n"u8.ToArray();
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, size - tail.Length);
        return bytes;
    }
}
