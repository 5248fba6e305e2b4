using System.Net;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Dashboard;

/// <summary>
/// Drives runs of the Kesbangpol "Pengumpulan Data Kinerja" SOP over HTTP, each command as the user whose role
/// the step names: 1 disposisi (Kabid), 2 disposisi (Kasubid/Kasubag), 3 pengumpulan data dari unit (Analis Data
/// accepts), 4 laporan (Kasubid/Kasubag), 5 pemeriksaan (Kabid), 6 laporan triwulan (Kasubag Perencanaan).
/// </summary>
internal sealed class RunDriver(TestWorld world)
{
    public const string Step1 = "menugaskan-kasubag-kasubid";
    public const string Step2 = "memerintahkan-analis";
    public const string Collect = "menyerahkan-bahan-laporan";

    private readonly Dictionary<(string Tenant, string User), HttpClient> _clients = [];

    public async Task<HttpClient> As(string userId, string tenant = TestWorld.Tenant)
    {
        if (!_clients.TryGetValue((tenant, userId), out var client))
        {
            client = await world.ClientAsync(userId, tenant);
            _clients[(tenant, userId)] = client;
        }

        return client;
    }

    /// <summary>Drops the cached sign-ins: bearer tokens live 10 hours on the app's clock, so after the clock moves a day they are expired.</summary>
    public void SignInAgain() => _clients.Clear();

    public async Task<string> StartAsync(string opd, string period)
    {
        var run = await (await (await As($"{opd}-kepala")).PostJsonAsync("/api/runs", new { opdId = opd, period })).JsonAsync(HttpStatusCode.Created);
        return run.GetProperty("id").GetString()!;
    }

    public async Task CompleteAsync(string opd, string runId, string stepId, string role, string kelengkapan, string? output, string verb = "complete")
    {
        var client = await As($"{opd}-{role}");
        await (await client.PostJsonAsync($"/api/runs/{runId}/steps/{stepId}/{verb}", new { output, kelengkapan = new[] { kelengkapan } })).JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Steps 1 and 2: the collect step opens for every unit.</summary>
    public async Task OpenCollectAsync(string opd, string runId)
    {
        await CompleteAsync(opd, runId, Step1, "kabid", "Indikator Sasaran", "Disposisi");
        await CompleteAsync(opd, runId, Step2, "kasubid-kasubag", "Disposisi", "Disposisi");
    }

    public async Task SubmitAsync(string opd, string runId, string unit, params (string Indicator, decimal Value)[] values)
    {
        var client = await As($"{opd}-{unit}");
        var body = new
        {
            realisasi = values.Select(v => new { indicatorId = $"{opd}-{v.Indicator}", value = v.Value }).ToArray(),
            evidenceFileIds = new[] { await client.UploadEvidenceAsync(runId, $"laporan-{unit}.pdf") },
            confirmUnusual = true, // the worlds' figures include deliberate outliers (a unit's 10 beside others' 70)
        };
        await (await client.PostJsonAsync($"/api/runs/{runId}/steps/{Collect}/units/{unit}/submit", body)).JsonAsync(HttpStatusCode.OK);
    }

    public async Task AcceptAsync(string opd, string runId, string unit)
    {
        var client = await As($"{opd}-analisis-data");
        await (await client.PostJsonAsync($"/api/runs/{runId}/steps/{Collect}/units/{unit}/accept", new { })).JsonAsync(HttpStatusCode.OK);
    }

    public async Task SubmitAndAcceptAsync(string opd, string runId, string unit, params (string Indicator, decimal Value)[] values)
    {
        await SubmitAsync(opd, runId, unit, values);
        await AcceptAsync(opd, runId, unit);
    }

    /// <summary>Steps 4 to 6 after the collect step closed: the run completes.</summary>
    public async Task FinishAsync(string opd, string runId)
    {
        await CompleteAsync(opd, runId, "membuat-laporan-data-kinerja", "kasubid-kasubag", "Bahan Laporan", "Laporan Data Kinerja");
        await CompleteAsync(opd, runId, "memeriksa-laporan-kinerja", "kabid", "Laporan Kinerja", null, "approve");
        await CompleteAsync(opd, runId, "menyusun-laporan-triwulan-tahunan", "kasubag-perencanaan", "Laporan Kinerja", "Laporan Triwulan");
    }

    public async Task<System.Text.Json.JsonElement> GetAsync(string url, string userId = "sekda", string tenant = TestWorld.Tenant) =>
        await (await (await As(userId, tenant)).GetAsync(url)).JsonAsync(HttpStatusCode.OK);
}
