using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SakipServerless.Dashboard.Tests.Support;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>
/// The admin workspace over HTTP, as a browser without scripts posts its forms: OPDs with units, users (unit staff the
/// natural way), indicators by CSV with row errors on the page, and the pemda's settings. Each checks what the backend
/// stored. A system of its own, since these change master data.
/// </summary>
[Collection(OwnSystemCollection.Name)]
public sealed class AdminWorkspaceTests : IAsyncLifetime
{
    private const string Tenant = "bantul";
    private const string Header = "Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Target Tahunan;TW I;TW II;TW III;TW IV\n";
    private readonly SystemFixture _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task IndicatorCsv_RowErrorsShowInThePage_NothingStored_ThenACorrectFileIsImported()
    {
        using var admin = await _system.SignInAsync(Tenant, "admin");
        using var api = await _system.ApiAsAsync(Tenant, "admin");
        string opd = (await api.GetFromJsonAsync<JsonElement>("api/opds"))[0].GetProperty("id").GetString()!;
        int before = (await api.GetFromJsonAsync<JsonElement>($"api/opds/{opd}/indicators?year=2026")).GetArrayLength();
        string page = $"/admin/indikator?opd={opd}&tahun=2026";

        string bad = Header + "IKU 90;Meningkatnya akuntabilitas;Persentase rekomendasi ditindaklanjuti;%;makin besar makin baik;non kumulatif;90;80;8O;85;90\n";
        var refused = await PostFileAsync(admin, page, bad, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        string html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"impor-galat\"", html);
        Assert.Contains("baris 2: TW II", html);
        Assert.Equal(before, (await api.GetFromJsonAsync<JsonElement>($"api/opds/{opd}/indicators?year=2026")).GetArrayLength());

        string good = bad.Replace(";8O;", ";82;", StringComparison.Ordinal);
        var checkedOnly = await PostFileAsync(admin, page, good, dryRun: true);
        Assert.Contains("Hasil pemeriksaan (belum disimpan): 1 indikator baru", WebUtility.HtmlDecode(await checkedOnly.Content.ReadAsStringAsync()));
        Assert.Equal(before, (await api.GetFromJsonAsync<JsonElement>($"api/opds/{opd}/indicators?year=2026")).GetArrayLength());

        var imported = await PostFileAsync(admin, page, good, dryRun: false);
        string done = WebUtility.HtmlDecode(await imported.Content.ReadAsStringAsync());
        Assert.Contains("Tersimpan: 1 indikator baru", done);
        Assert.Contains("Persentase rekomendasi ditindaklanjuti", done);
        var list = await api.GetFromJsonAsync<JsonElement>($"api/opds/{opd}/indicators?year=2026");
        Assert.Equal(before + 1, list.GetArrayLength());
        Assert.Equal(82m, list.EnumerateArray().Single(i => i.GetProperty("kode").GetString() == "IKU 90").GetProperty("targetQ2").GetDecimal());
    }

    [Fact]
    public async Task UnitStaff_AreCreatedTheNaturalWay_AndCanSignIn_WhileAnIncompleteUserIsRefusedBesideItsField()
    {
        using var admin = await _system.SignInAsync(Tenant, "admin");
        using var api = await _system.ApiAsAsync(Tenant, "admin");
        var opd = (await api.GetFromJsonAsync<JsonElement>("api/opds"))[0];
        string opdId = opd.GetProperty("id").GetString()!;
        string unitId = opd.GetProperty("units")[0].GetProperty("id").GetString()!;

        var missing = await admin.PostFormAsync("/admin/pengguna", "pengguna", new() { ["id"] = "staf-baru", ["nama"] = "" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("class=\"field-error\"", await missing.Content.ReadAsStringAsync());

        var created = await admin.PostFormAsync("/admin/pengguna", "pengguna",
            new() { ["id"] = "staf-baru", ["nama"] = "Rina Wulandari", ["jabatan"] = "Pengadministrasi Umum", ["peran"] = "staf-unit", ["opd"] = opdId, ["unit"] = unitId });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var user = await api.GetFromJsonAsync<JsonElement>("api/users/staf-baru");
        Assert.Equal(unitId, user.GetProperty("unitId").GetString());
        Assert.Equal(0, user.GetProperty("roles").GetArrayLength());

        using var staff = await _system.SignInAsync(Tenant, "staf-baru");
        var (_, tasks, _) = await staff.GetAsync("/tugas");
        Assert.Contains("Rina Wulandari", tasks);
    }

    [Fact]
    public async Task AnOpd_IsAddedWithItsUnits_AndABadUnitLineIsExplained()
    {
        using var admin = await _system.SignInAsync(Tenant, "admin");
        using var api = await _system.ApiAsAsync(Tenant, "admin");
        string template = (await api.GetFromJsonAsync<JsonElement>("api/templates"))[0].GetProperty("id").GetString()!;

        var bad = await admin.PostFormAsync("/admin/opd", "opd", new() { ["id"] = "dinas-kominfo", ["nama"] = "Dinas Kominfo", ["sop"] = template, ["unit"] = "bidang-tik Bidang TIK" });
        Assert.Contains("Baris unit 1", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        var added = await admin.PostFormAsync("/admin/opd", "opd", new()
        {
            ["id"] = "dinas-kominfo", ["nama"] = "Dinas Komunikasi dan Informatika", ["sop"] = template,
            ["unit"] = "bidang-tik; Bidang Teknologi Informasi\nbidang-ikp; Bidang Informasi dan Komunikasi Publik",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var opd = await api.GetFromJsonAsync<JsonElement>("api/opds/dinas-kominfo");
        Assert.Equal(["bidang-tik", "bidang-ikp"], opd.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task TheCapAndHolidays_AreSaved_AndAWrongDateChangesNothing()
    {
        using var admin = await _system.SignInAsync(Tenant, "admin");
        using var api = await _system.ApiAsAsync(Tenant, "admin");

        var wrong = await admin.PostFormAsync("/admin/pengaturan", "pengaturan",
            new() { ["nama"] = "Kabupaten Bantul", ["zona"] = "Asia/Jakarta", ["libur"] = "20 Mei 2026", ["batas"] = "100" });
        Assert.Contains("bukan tanggal", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(120m, (await api.GetFromJsonAsync<JsonElement>("api/tenants/current")).GetProperty("capaianCap").GetDecimal());

        var saved = await admin.PostFormAsync("/admin/pengaturan", "pengaturan",
            new() { ["nama"] = "Kabupaten Bantul", ["zona"] = "Asia/Jakarta", ["libur"] = "2026-05-20\n2026-07-20", ["batas"] = "100" });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var tenant = await api.GetFromJsonAsync<JsonElement>("api/tenants/current");
        Assert.Equal(100m, tenant.GetProperty("capaianCap").GetDecimal());
        Assert.Equal(2, tenant.GetProperty("liburDaerah").GetArrayLength());
    }

    [Fact]
    public async Task OnlyTheAdmin_HasTheAdminMenu()
    {
        using var sekda = await _system.SignInAsync(Tenant, "sekda");
        var (_, overview, _) = await sekda.GetAsync("/ringkasan");
        Assert.DoesNotContain("href=\"admin\"", overview);
        var (_, page, _) = await sekda.GetAsync("/admin/pengguna");
        Assert.Contains("Halaman ini untuk administrator pemda", page);

        using var admin = await _system.SignInAsync(Tenant, "admin");
        var (_, home, _) = await admin.GetAsync("/admin");
        Assert.Contains("href=\"admin\"", home);
        Assert.Contains("Indikator dan target", home);
    }

    /// <summary>Posts the import form as a browser does: multipart with the page's antiforgery token and form name.</summary>
    private static async Task<HttpResponseMessage> PostFileAsync(DashboardSession session, string page, string csv, bool dryRun)
    {
        var (_, html, _) = await session.GetAsync(page);
        var form = DashboardSession.FormOf(html, "impor-indikator");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in DashboardSession.HiddenFields(form))
        {
            content.Add(new StringContent(value), name);
        }

        if (dryRun)
        {
            content.Add(new StringContent("ya"), "periksa");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "berkas", "indikator.csv");
        return await session.Http.PostAsync(page, content);
    }
}
