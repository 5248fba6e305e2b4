using System.Net;
using SakipServerless.Api.Tests.Faults.Support;
using SakipServerless.Api.Tests.Files;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Faults;

/// <summary>
/// When Cosmos DB or Blob Storage stays busy or unreachable after the adapters' retries, the API answers 503 with
/// Retry-After and an Indonesian message (not a 500), and the run is exactly as it was: nothing half-written.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly StorageOutage _outage = new();
    private EvidenceWorld _w = null!;

    public async Task InitializeAsync() => _w = await EvidenceWorld.CreateAsync(services: _outage.Install);

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task ASubmission_WhileTheRunStoreIsDown_Is503WithRetryAfter_AndTheRunIsUnchanged_ThenGoesThroughOnceItIsBack()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        string report = await staff.UploadEvidenceAsync(_w.RunId);
        string before = (await _w.RunAsync(_w.RunId)).GetRawText();
        var submission = new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 88m } }, evidenceFileIds = new[] { report } };
        string url = $"/api/runs/{_w.RunId}/steps/{EvidenceWorld.CollectStep}/units/bid-politik/submit";

        _outage.RunWritesDown = true;
        var refused = await staff.PostJsonAsync(url, submission, "submit-1");
        var problem = await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        _outage.RunWritesDown = false;

        Assert.Equal("storage-unavailable", problem.GetProperty("code").GetString());
        Assert.Contains("Penyimpanan data", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(before, (await _w.RunAsync(_w.RunId)).GetRawText());

        var accepted = await staff.PostJsonAsync(url, submission, "submit-1");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task AnUpload_WhileBlobStorageIsUnreachable_Is503_AndTheRunRecordsNoFile()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");

        _outage.FileWritesDown = true;
        var refused = await EvidenceWorld.UploadAsync(staff, _w.RunId, SampleFiles.Pdf(padding: 2000), "Laporan TW I.pdf");
        var problem = await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        _outage.FileWritesDown = false;

        Assert.Equal("storage-unavailable", problem.GetProperty("code").GetString());
        Assert.Empty((await (await staff.GetAsync($"/api/runs/{_w.RunId}/files")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await EvidenceWorld.UploadAsync(staff, _w.RunId, SampleFiles.Pdf(padding: 2000), "Laporan TW I.pdf")).JsonAsync(HttpStatusCode.Created);
    }
}
