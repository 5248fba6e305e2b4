using System.Net;
using System.Text.Json;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>The staff forms over HTTP, as a browser without scripts posts them.</summary>
[Collection(SystemCollection.Name)]
public sealed class WorkPageTests(SystemFixture system)
{
    [Fact]
    public async Task MyTasks_ListTheUnitsTask_WithItsDueTimeInTheTenantsZone()
    {
        using var staff = await system.SignInAsync("kutai-kartanegara", "staf-desa-karya-jaya");
        var (_, html, _) = await staff.GetAsync("/tugas");
        Assert.Contains("Kirim realisasi", html);
        Assert.Contains("WITA", html);
        Assert.Contains("data-countdown", html);
        Assert.Contains("/tugas/unit/demo-kecamatan-samboja-2026-q4/", html);
    }

    [Fact]
    public async Task UnitForm_RejectsAValueOutOfRange_NextToTheField_ThenAcceptsACorrectOne_Once()
    {
        using var staff = await system.SignInAsync("kutai-kartanegara", "staf-desa-karya-jaya");
        string page = "/tugas/unit/demo-kecamatan-samboja-2026-q4/menghimpun-data-kinerja/desa-karya-jaya";
        var (_, form, _) = await staff.GetAsync(page);
        string indicator = System.Text.RegularExpressions.Regex.Match(form, "data-indicator=\"([^\"]+)\"[^>]*data-polarity=\"positive\"[^>]*data-max=\"100\"").Groups[1].Value;
        Assert.NotEmpty(indicator);

        var wrong = await staff.PostFormAsync(page, "kirim-realisasi", new() { ["nilai-" + indicator] = "130" });
        string html = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("id=\"form-error\"", html);
        Assert.Contains("antara 0 dan 100", html);
        Assert.Contains("value=\"130\"", html); // what was typed stays

        // Right values but no evidence: the backend refuses, said beside the uploader, and nothing is stored.
        var noFile = await staff.PostFormAsync(page, "kirim-realisasi", new() { ["nilai-" + indicator] = "87,25" });
        string refused = await noFile.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noFile.StatusCode);
        Assert.Contains("Bukti dukung wajib dilampirkan", refused);
        Assert.Contains("class=\"evidence-rule\"", refused);

        string fileId;
        using (var staffApi = await system.ApiAsAsync("kutai-kartanegara", "staf-desa-karya-jaya"))
        {
            var upload = await staffApi.PostAsync("api/runs/demo-kecamatan-samboja-2026-q4/files?fileName=laporan-karya-jaya.pdf",
                new ByteArrayContent(Browser.StaffBrowserTests.FakePdf(2_000)));
            fileId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        var ok = await staff.PostFormAsync(page, "kirim-realisasi", new() { ["nilai-" + indicator] = "87,25", ["bukti"] = fileId, ["catatan"] = "Sesuai laporan bulanan." });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/tugas?selesai=kirim&indikator=1&bukti=1", DashboardSession.PathOf(ok.Headers.Location));
        var (_, flash, _) = await staff.GetAsync("/tugas?selesai=kirim&indikator=1&bukti=1");
        Assert.Contains("Realisasi 1 indikator dan 1 berkas bukti dukung terkirim ke pemeriksa.", flash);

        using var api = await system.ApiAsAsync("kutai-kartanegara", "tim-penyusun");
        var run = await api.GetFromJsonAsync<JsonElement>("api/runs/demo-kecamatan-samboja-2026-q4");
        var unit = run.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == "menghimpun-data-kinerja")
            .GetProperty("unitTasks").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "desa-karya-jaya");
        Assert.Equal("submitted", unit.GetProperty("status").GetString());
        var entry = unit.GetProperty("submission").GetProperty("realisasi").EnumerateArray().Single();
        Assert.Equal(87.25m, entry.GetProperty("value").GetDecimal());
        Assert.Equal(1, run.GetProperty("history").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "unit-task-submitted" && e.GetProperty("unitId").GetString() == "desa-karya-jaya"));
    }

    [Fact]
    public async Task Upload_ResumesFromWhatArrived_AndHandsTheFileToTheBackend()
    {
        using var staff = await system.SignInAsync("bantul", "staf-irban-3");
        var (_, html, _) = await staff.GetAsync("/tugas");
        string token = DashboardSession.AntiforgeryToken(html);
        staff.Http.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        byte[] file = Browser.StaffBrowserTests.FakePdf(150_000);

        var started = await staff.Http.PostAsJsonAsync("/unggah", new { runId = "demo-inspektorat-2026-q4", fileName = "../../LHP Irban 3.pdf", size = file.Length, contentType = "application/pdf" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        string id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await Put(staff, id, 0, file[..65536])).StatusCode);
        var wrongOffset = await Put(staff, id, 0, file[..65536]); // a resent chunk after a lost answer
        Assert.Equal(HttpStatusCode.Conflict, wrongOffset.StatusCode);
        Assert.Equal(65536, (await wrongOffset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("received").GetInt64());
        Assert.Equal(65536, (await staff.Http.GetFromJsonAsync<JsonElement>($"/unggah/{id}")).GetProperty("received").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.Http.PostAsync($"/unggah/{id}/selesai", null)).StatusCode); // not complete yet

        Assert.Equal(HttpStatusCode.OK, (await Put(staff, id, 65536, file[65536..])).StatusCode);
        var done = await staff.Http.PostAsync($"/unggah/{id}/selesai", null);
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        var stored = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(file.Length, stored.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)), stored.GetProperty("sha256").GetString());
        Assert.Equal("LHP Irban 3.pdf", stored.GetProperty("fileName").GetString()); // path parts dropped
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/unggah/{id}")).StatusCode); // cleaned up
    }

    [Fact]
    public async Task Upload_IsRefusedWithoutTheAntiforgeryToken_AndForAnotherUsersUpload()
    {
        using var owner = await system.SignInAsync("bantul", "staf-irban-4");
        var (_, html, _) = await owner.GetAsync("/tugas");
        var noToken = await owner.Http.PostAsJsonAsync("/unggah", new { runId = "demo-inspektorat-2026-q4", fileName = "a.pdf", size = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        owner.Http.DefaultRequestHeaders.Add("RequestVerificationToken", DashboardSession.AntiforgeryToken(html));
        var started = await owner.Http.PostAsJsonAsync("/unggah", new { runId = "demo-inspektorat-2026-q4", fileName = "a.pdf", size = 10 });
        string id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var other = await system.SignInAsync("bantul", "staf-irban-2");
        var (_, otherHtml, _) = await other.GetAsync("/tugas");
        other.Http.DefaultRequestHeaders.Add("RequestVerificationToken", DashboardSession.AntiforgeryToken(otherHtml));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/unggah/{id}")).StatusCode);

        var tooBig = await owner.Http.PostAsJsonAsync("/unggah", new { runId = "demo-inspektorat-2026-q4", fileName = "besar.pdf", size = 26L * 1024 * 1024 });
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("terlalu besar", await tooBig.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> Put(DashboardSession session, string id, long offset, byte[] chunk) =>
        session.Http.PutAsync($"/unggah/{id}?offset={offset}", new ByteArrayContent(chunk));
}
