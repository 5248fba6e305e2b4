extern alias dashboard;

using System.Net;
using System.Text;
using dashboard::SakipServerless.Dashboard.Api;

namespace SakipServerless.Dashboard.Tests.Unit;

/// <summary>
/// Run commands from the dashboard ask for the answer without the run's history (the pages redirect and read the run
/// afresh), carry the form's idempotency key, and still read an answer that has no history.
/// </summary>
public sealed class SakipApiClientCommandTests
{
    [Fact]
    public async Task ACommand_AsksForAMinimalAnswer_WithItsIdempotencyKey_AndReadsTheRunWithoutHistory()
    {
        var handler = new RecordingHandler("""
            {"id":"run-1","tenantId":"t","opdId":"o","templateId":"tpl","templateVersion":1,"templateTitle":"SOP","period":"2026-Q1",
             "periodLabel":"Triwulan I 2026","status":"running","version":3,"startedAt":"2026-04-06T00:30:00Z","completedAt":null,
             "nextDeadline":null,"isLate":false,"activeStepId":null,"steps":[]}
            """);
        var client = new SakipApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://backend.test/") });

        var result = await client.ReturnUnitAsync("run-1", "kumpul", "bid-politik", "Lampiran belum ada.", "kunci-1", CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal(3, result.Value!.Version);
        Assert.Null(result.Value.History);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/api/runs/run-1/steps/kumpul/units/bid-politik/return", sent.RequestUri!.AbsolutePath);
        Assert.Equal(["return=minimal"], sent.Headers.GetValues("Prefer"));
        Assert.Equal(["kunci-1"], sent.Headers.GetValues("Idempotency-Key"));
    }

    [Fact]
    public async Task AReadOfTheRun_AsksForTheWholeRun()
    {
        var handler = new RecordingHandler("""{"id":"run-1"}""");
        var client = new SakipApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://backend.test/") });

        await client.GetRunAsync("run-1", CancellationToken.None);

        Assert.False(Assert.Single(handler.Requests).Headers.Contains("Prefer"));
    }

    private sealed class RecordingHandler(string answer) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") });
        }
    }
}
