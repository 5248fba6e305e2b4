using System.Net;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.MasterData;

public sealed class IndicatorsApiTests : SeededApiTest
{
    private const string Url = $"/api/opds/{TestWorld.Opd}/indicators";

    /// <summary>A real Kesbangpol indicator (LKjIP Kabupaten Wonogiri 2020); the quarterly targets are illustrative.</summary>
    private static object KonflikSosial(int year = 2027) => new
    {
        kode = "IKU 1",
        year,
        sasaran = "Meningkatnya toleransi antar umat dan intern beragama, etnis, suku dan golongan",
        name = "Konflik sosial",
        satuan = "kejadian",
        polarity = "negative",
        aggregation = "kumulatif",
        targetTahunan = 0,
        targetQ1 = 0,
        targetQ2 = 0,
        targetQ3 = 0,
        targetQ4 = 0,
    };

    [Fact]
    public async Task List_ByYear_IsReadByTheOpdAndLeadership_NotByAnotherOpd()
    {
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        var sekda = await World.ClientAsync("sekda");

        var mine = await (await kabid.GetAsync($"{Url}?year=2026")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["kesbangpol-iku-1", "kesbangpol-iku-2"], mine.Strings("id"));
        Assert.Equal(0, (await (await sekda.GetAsync($"{Url}?year=2025")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());

        await (await (await World.ClientAsync("bappeda-kabid")).GetAsync(Url)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await kabid.GetAsync($"{Url}?year=dua-ribu")).ValidationAsync("year");
    }

    [Fact]
    public async Task AnotherPemda_SeesOnlyItsOwnIndicators()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var created = await (await head.PostJsonAsync(Url, KonflikSosial())).JsonAsync(HttpStatusCode.Created);
        string id = created.GetProperty("id").GetString()!;

        var bantul = await World.ClientAsync("kesbangpol-kepala", TestWorld.OtherTenant);
        await (await bantul.GetAsync($"{Url}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await bantul.DeleteAsync($"{Url}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        var theirs = await (await bantul.GetAsync($"{Url}?year=2027")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, theirs.GetArrayLength());
        await (await head.GetAsync($"{Url}/{id}")).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_ByTheHeadOfOpd_IsReadBack_WithAnIdFromOpdYearAndKode()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        var response = await head.PostJsonAsync(Url, KonflikSosial());
        var created = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Equal("kesbangpol-2027-iku-1", created.GetProperty("id").GetString());
        Assert.Equal($"{Url}/kesbangpol-2027-iku-1", response.Headers.Location?.OriginalString);
        var read = await (await (await World.ClientAsync("kesbangpol-bid-politik")).GetAsync($"{Url}/kesbangpol-2027-iku-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("IKU 1", read.GetProperty("kode").GetString());
        Assert.Equal("negative", read.GetProperty("polarity").GetString());
        Assert.Equal(0m, read.GetProperty("targetTahunan").GetDecimal());
    }

    [Fact]
    public async Task Create_SameKodeSameYear_Is409_ButAnotherYearIsFine()
    {
        var admin = await World.ClientAsync("admin");
        await (await admin.PostJsonAsync(Url, KonflikSosial())).JsonAsync(HttpStatusCode.Created);

        var problem = await (await admin.PostJsonAsync(Url, new { kode = "iku-1", year = 2027, sasaran = "S", name = "Lain", satuan = "%", polarity = "positive", aggregation = "rata-rata" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("indicator-kode-exists", problem.GetProperty("code").GetString());
        Assert.Equal("kesbangpol-2027-iku-1", problem.GetProperty("existingId").GetString());

        await (await admin.PostJsonAsync(Url, KonflikSosial(2028))).JsonAsync(HttpStatusCode.Created);
    }

    private const string Valid = """ "kode": "IKU 5", "year": 2026, "sasaran": "Meningkatnya toleransi", "name": "Persentase Penyelesaian Konflik Sosial" """;

    [Theory]
    [InlineData("""{ "year": 2026, "sasaran": "S", "name": "N", "satuan": "%", "polarity": "positive", "aggregation": "kumulatif" }""", "kode")]
    [InlineData("""{ "kode": "IKU 5", "sasaran": "S", "name": "N", "satuan": "%", "polarity": "positive", "aggregation": "kumulatif" }""", "year")]
    [InlineData("""{ "kode": "IKU 5", "year": 1999, "sasaran": "S", "name": "N", "satuan": "%", "polarity": "positive", "aggregation": "kumulatif" }""", "year")]
    [InlineData("""{ "kode": "IKU 5", "year": "2026a", "sasaran": "S", "name": "N", "satuan": "%", "polarity": "positive", "aggregation": "kumulatif" }""", "year")]
    [InlineData("""{ "kode": "IKU 5", "year": 2026, "name": "N", "satuan": "%", "polarity": "positive", "aggregation": "kumulatif" }""", "sasaran")]
    [InlineData("""{ "kode": "IKU 5", "year": 2026, "sasaran": "S", "satuan": "%", "polarity": "positive", "aggregation": "kumulatif" }""", "name")]
    [InlineData("""{ "kode": "IKU 5", "year": 2026, "sasaran": "S", "name": "N", "polarity": "positive", "aggregation": "kumulatif" }""", "satuan")]
    [InlineData("""{ "kode": "IKU 5", "year": 2026, "sasaran": "S", "name": "N", "satuan": "%", "aggregation": "kumulatif" }""", "polarity")]
    [InlineData("""{ "kode": "IKU 5", "year": 2026, "sasaran": "S", "name": "N", "satuan": "%", "polarity": "naik", "aggregation": "kumulatif" }""", "polarity")]
    [InlineData("""{ "kode": "IKU 5", "year": 2026, "sasaran": "S", "name": "N", "satuan": "%", "polarity": "positive" }""", "aggregation")]
    [InlineData("""{ "kode": "---", "year": 2026, "sasaran": "S", "name": "N", "satuan": "%", "polarity": "positive", "aggregation": "kumulatif" }""", "kode")]
    [InlineData("{" + Valid + """, "satuan": "%", "polarity": "positive", "aggregation": "non-kumulatif", "targetQ2": 120 }""", "targetQ2")]
    [InlineData("{" + Valid + """, "satuan": "%", "polarity": "positive", "aggregation": "non-kumulatif", "targetTahunan": -5 }""", "targetTahunan")]
    [InlineData("{" + Valid + """, "satuan": "%", "polarity": "positive", "aggregation": "non-kumulatif", "targetQ1": "delapan puluh" }""", "targetQ1")]
    [InlineData("{" + Valid + """, "satuan": "dokumen", "polarity": "positive", "aggregation": "kumulatif", "targetQ4": 2.5 }""", "targetQ4")]
    [InlineData("{" + Valid + """, "satuan": "%", "polarity": "positive", "aggregation": "kumulatif", "min": 150 }""", "min")]
    [InlineData("{" + Valid + """, "satuan": "level", "polarity": "positive", "aggregation": "non-kumulatif", "min": 1, "max": 5, "targetTahunan": 6 }""", "targetTahunan")]
    [InlineData("{" + Valid + """, "satuan": "level", "polarity": "positive", "aggregation": "non-kumulatif", "min": 5, "max": 1 }""", "min")]
    public async Task Create_WithBadInput_Is400_NamingTheField_AndStoresNothing(string json, string field)
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        var problem = await (await head.SendJsonAsync(HttpMethod.Post, Url, json)).ValidationAsync(field);

        Assert.DoesNotContain("Parameter", problem.GetProperty("errors").ToString());
        var all = await (await head.GetAsync(Url)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, all.GetArrayLength());
    }

    [Theory]
    [InlineData("sekda")]
    [InlineData("kesbangpol-kabid")]
    [InlineData("kesbangpol-bid-ideologi")]
    [InlineData("bappeda-kepala")]
    public async Task Writes_ByAnyoneButAdminOrThisOpdsHead_Are403_AndChangeNothing(string userId)
    {
        var client = await World.ClientAsync(userId);

        await (await client.PostJsonAsync(Url, KonflikSosial())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutJsonAsync($"{Url}/kesbangpol-iku-1", KonflikSosial(2026))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"{Url}/kesbangpol-iku-1")).ProblemAsync(HttpStatusCode.Forbidden);

        var all = await (await (await World.ClientAsync("admin")).GetAsync(Url)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal("Persentase penyelesaian konflik sosial", all[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Update_ReplacesTargets_KeepsIdAndYear()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        var updated = await (await head.PutJsonAsync($"{Url}/kesbangpol-iku-1", new
        {
            kode = "IKU 1",
            sasaran = "Meningkatnya toleransi dan kerukunan",
            name = "Persentase Penyelesaian Konflik Sosial",
            satuan = "persen",
            polarity = "positive",
            aggregation = "non-kumulatif",
            targetTahunan = 92.5,
            targetQ1 = 80,
            targetQ2 = 85,
            targetQ3 = 90,
            targetQ4 = 92.5,
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("kesbangpol-iku-1", updated.GetProperty("id").GetString());
        var read = await (await head.GetAsync($"{Url}/kesbangpol-iku-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2026, read.GetProperty("year").GetInt32());
        Assert.Equal(92.5m, read.GetProperty("targetTahunan").GetDecimal());
        Assert.Equal("IKU 1", read.GetProperty("kode").GetString());
    }

    [Fact]
    public async Task Update_AnotherYear_OrAKodeTakenByAnotherIndicator_IsRefused()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var body = new { kode = "IKU 2", year = 2026, sasaran = "S", name = "N", satuan = "%", polarity = "positive", aggregation = "kumulatif" };
        await (await head.PutJsonAsync($"{Url}/kesbangpol-iku-2", body)).JsonAsync(HttpStatusCode.OK);

        await (await head.PutJsonAsync($"{Url}/kesbangpol-iku-1", body with { kode = "IKU 1", year = 2027 })).ValidationAsync("year");
        var conflict = await (await head.PutJsonAsync($"{Url}/kesbangpol-iku-1", body)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("kesbangpol-iku-2", conflict.GetProperty("existingId").GetString());
    }

    [Fact]
    public async Task Get_IndicatorOfAnotherOpd_ThroughMyOpdsUrl_Is404()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        await (await head.GetAsync($"{Url}/bappeda-iku-1")).ProblemAsync(HttpStatusCode.NotFound);
        await (await head.DeleteAsync($"{Url}/bappeda-iku-1")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_WithoutRealisasi_Is204_ThenGone()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        var response = await head.DeleteAsync($"{Url}/kesbangpol-iku-2");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await head.GetAsync($"{Url}/kesbangpol-iku-2")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_AfterAUnitReportedRealisasiOnIt_Is409_AndKeepsIt()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created);
        string runId = run.GetProperty("id").GetString()!;
        await (await (await World.ClientAsync("kesbangpol-kabid")).PostJsonAsync($"/api/runs/{runId}/steps/menugaskan-kasubag-kasubid/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } })).JsonAsync(HttpStatusCode.OK);
        await (await (await World.ClientAsync("kesbangpol-kasubid-kasubag")).PostJsonAsync($"/api/runs/{runId}/steps/memerintahkan-analis/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Disposisi" } })).JsonAsync(HttpStatusCode.OK);
        var ideologi = await World.ClientAsync("kesbangpol-bid-ideologi");
        string report = await ideologi.UploadEvidenceAsync(runId);
        await (await ideologi.PostJsonAsync($"/api/runs/{runId}/steps/menyerahkan-bahan-laporan/units/bid-ideologi/submit",
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 82.5 } }, evidenceFileIds = new[] { report } })).JsonAsync(HttpStatusCode.OK);

        var problem = await (await head.DeleteAsync($"{Url}/kesbangpol-iku-1")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("indicator-in-use", problem.GetProperty("code").GetString());
        Assert.Equal([runId], problem.GetProperty("runIds").EnumerateArray().Select(r => r.GetString()));
        await (await head.GetAsync($"{Url}/kesbangpol-iku-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await head.DeleteAsync($"{Url}/kesbangpol-iku-2")).StatusCode);
    }
}
