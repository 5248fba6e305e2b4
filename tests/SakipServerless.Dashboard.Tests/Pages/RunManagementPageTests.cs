using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SakipServerless.Dashboard.Tests.Support;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>
/// Run management from the dashboard: the head of the OPD suspends, resumes and redoes a step with a reason that the
/// history keeps; the admin starts a period for every OPD at once. A system of its own: these change the runs.
/// </summary>
public sealed class RunManagementPageTests : IAsyncLifetime
{
    private const string Run = "demo-kesbangpol-2026-q4";
    private readonly SystemFixture _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task TheHeadOfOpd_SuspendsResumesAndRedoesAStep_WithReasonsTheHistoryKeeps()
    {
        using var kepala = await _system.SignInAsync("jeneponto", "kepala");
        string page = $"/pelaksanaan/{Run}";

        // Without a reason: said beside the field, nothing changed.
        var refused = await kepala.PostFormAsync(page, "kelola", new() { ["tindakan"] = "tangguhkan", ["alasan"] = " " });
        string html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tulis alasannya", html);
        Assert.Equal("running", await StatusAsync());

        var suspended = await kepala.PostFormAsync(page, "kelola", new() { ["tindakan"] = "tangguhkan", ["alasan"] = "Menunggu hasil rapat pimpinan." });
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        var (_, after, _) = await kepala.GetAsync(DashboardSession.PathOf(suspended.Headers.Location));
        Assert.Contains("Pelaksanaan ditangguhkan", after);
        Assert.Contains("alasan: “Menunggu hasil rapat pimpinan.”", System.Net.WebUtility.HtmlDecode(after));
        Assert.Equal("suspended", await StatusAsync());

        var resumed = await kepala.PostFormAsync(page, "kelola", new() { ["tindakan"] = "lanjutkan", ["alasan"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        Assert.Equal("running", await StatusAsync());

        using var api = await _system.ApiAsAsync("jeneponto", "kepala");
        var run = await api.GetFromJsonAsync<JsonElement>($"api/runs/{Run}");
        string done = run.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("status").GetString() == "done").GetProperty("stepId").GetString()!;
        var restarted = await kepala.PostFormAsync(page, "kelola", new() { ["tindakan"] = "ulang", ["langkah"] = done, ["alasan"] = "Data bidang ideologi salah ketik." });
        Assert.Equal(HttpStatusCode.Redirect, restarted.StatusCode);
        var history = (await api.GetFromJsonAsync<JsonElement>($"api/runs/{Run}")).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, e => e.GetProperty("type").GetString() == "run-suspended" && e.GetProperty("reason").GetString() == "Menunggu hasil rapat pimpinan.");
        Assert.Contains(history, e => e.GetProperty("type").GetString() == "run-resumed");
        Assert.Contains(history, e => e.GetProperty("type").GetString() == "step-restarted" && e.GetProperty("reason").GetString() == "Data bidang ideologi salah ketik.");
    }

    [Fact]
    public async Task OnlyTheOpdsHeadAndTheAdmin_SeeTheManagementPanel()
    {
        foreach (var (user, sees) in new[] { ("kepala", true), ("admin", true), ("sekda", false), ("kabid", false), ("staf-bidang-politik", false) })
        {
            using var session = await _system.SignInAsync("jeneponto", user);
            var (_, html, _) = await session.GetAsync($"/pelaksanaan/{Run}");
            Assert.True(html.Contains("id=\"kelola-pelaksanaan\"", StringComparison.Ordinal) == sees, $"{user} sees the panel: {!sees}");
        }
    }

    [Fact]
    public async Task TheAdmin_StartsAPeriodForEveryOpd_AndIsToldWhichAlreadyRan()
    {
        using var api = await _system.ApiAsAsync("jeneponto", "admin");
        var opd = (await api.GetFromJsonAsync<JsonElement>("api/opds"))[0];
        (await api.PostAsJsonAsync("api/opds", new
        {
            id = "dinas-kominfo",
            name = "Dinas Komunikasi dan Informatika",
            templateId = opd.GetProperty("templateId").GetString(),
            units = opd.GetProperty("units").EnumerateArray().Select(u => new { id = u.GetProperty("id").GetString(), name = u.GetProperty("name").GetString() }).ToArray(),
        })).EnsureSuccessStatusCode();

        using var admin = await _system.SignInAsync("jeneponto", "admin");
        var started = await admin.PostFormAsync("/pelaksanaan", "mulai", new() { ["opd"] = "*", ["periode"] = "2026-Q4" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var (_, html, _) = await admin.GetAsync(DashboardSession.PathOf(started.Headers.Location));
        Assert.Contains("Mulai pelaksanaan SOP Triwulan IV 2026: 1 OPD dimulai, 1 sudah berjalan.", html);
        var runs = await api.GetFromJsonAsync<JsonElement>("api/runs?opdId=dinas-kominfo");
        Assert.Equal("2026-Q4", Assert.Single(runs.EnumerateArray()).GetProperty("period").GetString());

        // One OPD: straight to its new run.
        var one = await admin.PostFormAsync("/pelaksanaan", "mulai", new() { ["opd"] = "dinas-kominfo", ["periode"] = "2026-Q3" });
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.StartsWith("/pelaksanaan/run-", DashboardSession.PathOf(one.Headers.Location));

        // Again: the backend's refusal is shown on the page.
        var again = await admin.PostFormAsync("/pelaksanaan", "mulai", new() { ["opd"] = "dinas-kominfo", ["periode"] = "2026-Q3" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("id=\"mulai-galat\"", await again.Content.ReadAsStringAsync());
    }

    private async Task<string> StatusAsync()
    {
        using var api = await _system.ApiAsAsync("jeneponto", "kepala");
        return (await api.GetFromJsonAsync<JsonElement>($"api/runs/{Run}")).GetProperty("status").GetString()!;
    }
}
