extern alias dashboard;

using System.Net;
using System.Security.Claims;
using dashboard::SakipServerless.Dashboard.Auth;
using Microsoft.AspNetCore.Http;
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
        var client = Client(handler);

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
        var client = Client(handler);

        await client.GetRunAsync("run-1", CancellationToken.None);

        Assert.False(Assert.Single(handler.Requests).Headers.Contains("Prefer"));
    }

    [Fact]
    public async Task EveryCall_CarriesTheCallersToken_AndTheBackendsClockIsKeptAsAnOffset()
    {
        var local = new Support.ManualClock(new DateTimeOffset(2026, 10, 1, 1, 0, 0, TimeSpan.Zero));
        var backendNow = local.GetUtcNow().AddHours(6); // the dev clock moved the backend six hours on
        var handler = new RecordingHandler("""{"id":"run-1"}""", backendNow);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(DashboardClaims.Token, "token-of-the-user")], "test"));
        var clock = new BackendClock(local);
        var client = Client(handler, new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } }, clock);

        Assert.Equal(local.GetUtcNow(), clock.Now); // nothing heard from the backend yet
        await client.GetRunAsync("run-1", CancellationToken.None);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("Bearer", sent.Headers.Authorization!.Scheme);
        Assert.Equal("token-of-the-user", sent.Headers.Authorization.Parameter);
        Assert.Equal(backendNow, clock.Now);
        // A circuit stays open: its clock keeps moving with the backend's, not frozen at the last answer.
        local.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(backendNow.AddMinutes(30), clock.Now);
    }

    private static SakipApiClient Client(RecordingHandler handler, IHttpContextAccessor? http = null, BackendClock? clock = null) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://backend.test/") }, new ApiCaller(http ?? new HttpContextAccessor()), clock ?? new BackendClock(TimeProvider.System));

    private sealed class RecordingHandler(string answer, DateTimeOffset? backendNow = null) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
            if (backendNow is { } now)
            {
                response.Headers.Add(BackendClock.Header, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            }

            return Task.FromResult(response);
        }
    }
}
