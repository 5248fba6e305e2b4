using System.Net;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Runs.Engines;

/// <summary>
/// Past the bounded wait the durable engine answers 202 with a Location; polling it gives the answer the command
/// would have had. Here the wait is zero, so every command takes that path.
/// </summary>
public sealed class DurableEngineAcceptedTests : IAsyncLifetime
{
    private ApiFactory _factory = null!;
    private TestWorld _world = null!;

    public async Task InitializeAsync()
    {
        _factory = new ApiFactory(settings: new Dictionary<string, string?> { ["Sakip:Engine:CommandWaitMilliseconds"] = "0" }, engine: RunEngineKind.Durable);
        _world = new TestWorld(_factory);
        await _world.SeedAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Command_PastTheWait_Is202WithALocation_ThatAnswersTheNewState()
    {
        string id = await StartAsync();
        var kabid = await _world.ClientAsync("kesbangpol-kabid");

        var accepted = await kabid.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } });
        var body = await accepted.JsonAsync(HttpStatusCode.Accepted);
        var location = accepted.Headers.Location!;

        Assert.StartsWith($"/api/runs/{id}/commands/", location.OriginalString);
        Assert.Contains("diproses", body.GetProperty("detail").GetString());
        var answer = await PollAsync(kabid, location.OriginalString, HttpStatusCode.OK);
        Assert.Equal("done", answer.Step("menugaskan-kasubag-kasubid").GetProperty("status").GetString());
    }

    [Fact]
    public async Task RefusedCommand_PastTheWait_IsPolledAsTheDomainsProblem()
    {
        string id = await StartAsync();
        var staff = await _world.ClientAsync("kesbangpol-bid-politik");

        var accepted = await staff.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } });
        await accepted.JsonAsync(HttpStatusCode.Accepted);

        var problem = await PollAsync(staff, accepted.Headers.Location!.OriginalString, HttpStatusCode.Forbidden);
        Assert.Equal("not-step-actor", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CommandLocation_OfAnotherOpdsRun_Is403()
    {
        string id = await StartAsync();
        var outsider = await _world.ClientAsync("bappeda-kepala");

        var response = await outsider.GetAsync($"/api/runs/{id}/commands/tidak-ada");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<string> StartAsync()
    {
        var head = await _world.ClientAsync("kesbangpol-kepala");
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created);
        return run.GetProperty("id").GetString()!;
    }

    private static async Task<System.Text.Json.JsonElement> PollAsync(HttpClient client, string location, HttpStatusCode expected)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            var response = await client.GetAsync(location);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return expected == HttpStatusCode.OK ? await response.JsonAsync(expected) : await response.ProblemAsync(expected);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{location} still answered 202 after 10 s.");
    }
}
