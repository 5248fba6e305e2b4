using System.Net;
using SakipServerless.Api.Tests.Files;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Tests.Runs;

/// <summary>
/// The user trial's outlier: realisasi 97 against a 25 % target. The submitter must confirm it, the reviewer sees the
/// warning, and the pemda's cap (120 % by default) keeps it from lifting the OPD's average capaian.
/// </summary>
public abstract class UnusualRealisasiTests(RunEngineKind engine) : IAsyncLifetime
{
    private EvidenceWorld _w = null!;

    public async Task InitializeAsync()
    {
        _w = await EvidenceWorld.CreateAsync(engine: engine);
        var iku1 = (await _w.World.Documents.GetAsync<IndicatorRecord>(TestWorld.Tenant, DocumentKinds.Indicator, "kesbangpol-iku-1"))!;
        await _w.World.Documents.PutAsync(TestWorld.Tenant, DocumentKinds.Indicator, iku1.Id, iku1 with { TargetQ1 = 25m });
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private string UnitUrl => $"/api/runs/{_w.RunId}/steps/{EvidenceWorld.CollectStep}/units/bid-politik";

    [Fact]
    public async Task FarFromTarget_IsRefusedUntilConfirmed_ThenCarriesItsWarning_AndTheCapBoundsTheCapaian()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        string report = await staff.UploadEvidenceAsync(_w.RunId);
        string before = (await _w.RunAsync(_w.RunId)).GetRawText();

        var refused = await (await staff.PostJsonAsync($"{UnitUrl}/submit",
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 97m } }, evidenceFileIds = new[] { report } })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("realisasi-unusual", refused.GetProperty("code").GetString());
        Assert.Contains("Belum ada yang disimpan", refused.GetProperty("detail").GetString());
        string warning = refused.GetProperty("errors").GetProperty("realisasi[0].value")[0].GetString()!;
        Assert.Contains("3,9× target triwulan (25 %)", warning);
        Assert.Equal(before, (await _w.RunAsync(_w.RunId)).GetRawText());

        var sent = await (await staff.PostJsonAsync($"{UnitUrl}/submit",
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 97m } }, evidenceFileIds = new[] { report }, confirmUnusual = true })).JsonAsync(HttpStatusCode.OK);
        var entry = sent.Step(EvidenceWorld.CollectStep).GetProperty("unitTasks").EnumerateArray()
            .Single(u => u.GetProperty("unitId").GetString() == "bid-politik").GetProperty("submission").GetProperty("realisasi")[0];
        Assert.Equal(warning, entry.GetProperty("warning").GetString());

        var analis = await _w.ClientAsync("kesbangpol-analisis-data");
        await (await analis.PostJsonAsync($"{UnitUrl}/accept", new { })).JsonAsync(HttpStatusCode.OK);
        var capaian = await (await analis.GetAsync("/api/dashboard/capaian?year=2026&opdId=kesbangpol")).JsonAsync(HttpStatusCode.OK);
        var iku1 = capaian.GetProperty("opds")[0].GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicatorId").GetString() == "kesbangpol-iku-1");
        var tw1 = iku1.GetProperty("triwulan")[0].GetProperty("capaian");
        Assert.Equal(120m, tw1.GetProperty("value").GetDecimal());
        Assert.Equal(388m, tw1.GetProperty("rawValue").GetDecimal());
        Assert.True(tw1.GetProperty("isCapped").GetBoolean());
    }

    [Fact]
    public async Task NearTheTarget_IsStoredWithoutAWarning()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        string report = await staff.UploadEvidenceAsync(_w.RunId);

        var sent = await (await staff.PostJsonAsync($"{UnitUrl}/submit",
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 27.5m } }, evidenceFileIds = new[] { report } })).JsonAsync(HttpStatusCode.OK);

        var entry = sent.Step(EvidenceWorld.CollectStep).GetProperty("unitTasks").EnumerateArray()
            .Single(u => u.GetProperty("unitId").GetString() == "bid-politik").GetProperty("submission").GetProperty("realisasi")[0];
        Assert.False(entry.TryGetProperty("warning", out _));
    }
}

public sealed class EmbeddedEngineUnusualRealisasiTests() : UnusualRealisasiTests(RunEngineKind.Embedded);

public sealed class DurableEngineUnusualRealisasiTests() : UnusualRealisasiTests(RunEngineKind.Durable);
