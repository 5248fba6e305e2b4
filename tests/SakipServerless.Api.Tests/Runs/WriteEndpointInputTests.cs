using System.Net;
using System.Text;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Runs;

/// <summary>Every write endpoint of runs and work refuses malformed input with a 4xx problem and leaves the run as it was.</summary>
public sealed class WriteEndpointInputTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private TestWorld _world = null!;
    private string _runId = "";

    public async Task InitializeAsync()
    {
        _world = new TestWorld(_factory);
        await _world.SeedAsync();
        var head = await _world.ClientAsync("kesbangpol-kepala");
        _runId = (await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "kesbangpol-kabid", "steps/menugaskan-kasubag-kasubid/complete" },
        { "kesbangpol-kabid", "steps/memeriksa-laporan-kinerja/approve" },
        { "kesbangpol-kabid", "steps/memeriksa-laporan-kinerja/return" },
        { "kesbangpol-bid-politik", "steps/menyerahkan-bahan-laporan/units/bid-politik/submit" },
        { "kesbangpol-analisis-data", "steps/menyerahkan-bahan-laporan/units/bid-politik/accept" },
        { "kesbangpol-analisis-data", "steps/menyerahkan-bahan-laporan/units/bid-politik/return" },
        { "kesbangpol-kepala", "suspend" },
        { "kesbangpol-kepala", "terminate" },
        { "kesbangpol-kepala", "steps/menugaskan-kasubag-kasubid/restart" },
    };

    private static readonly string[] Malformed =
    [
        "{",
        "[1,2,3]",
        """{"output": 5, "kelengkapan": "bukan daftar"}""",
        """{"reason": {"a": 1}}""",
        """{"realisasi": [{"indicatorId": 1, "value": "NaN"}]}""",
        """{"realisasi": "x"}""",
        "\"teks\"",
    ];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task MalformedBodies_Are4xxProblems_AndTheRunIsUnchanged(string user, string path)
    {
        var client = await _world.ClientAsync(user);
        var before = await (await client.GetAsync($"/api/runs/{_runId}")).JsonAsync(HttpStatusCode.OK);

        foreach (var body in Malformed)
        {
            var response = await client.PostAsync($"/api/runs/{_runId}/{path}", new StringContent(body, Encoding.UTF8, "application/json"));
            int status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{path} with {body}: {status}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var after = await (await client.GetAsync($"/api/runs/{_runId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task UnknownRunOrStep_Is404()
    {
        var kabid = await _world.ClientAsync("kesbangpol-kabid");
        await (await kabid.PostJsonAsync("/api/runs/run-tidak-ada/steps/x/complete", new { output = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await kabid.PostJsonAsync($"/api/runs/{_runId}/steps/tidak-ada/complete", new { output = "x" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DevClock_MovesTimeAndRunsTheSweep_AndIsRefusedWhenDisabled()
    {
        var head = await _world.ClientAsync("kesbangpol-kepala");
        var clock = await (await head.PostJsonAsync("/api/dev/clock", new { hours = 2 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, clock.GetProperty("escalations").GetInt32());
        await (await head.PostJsonAsync("/api/dev/clock", new { minutes = -5 })).ProblemAsync(HttpStatusCode.BadRequest);

        await using var off = new ApiFactory(settings: new Dictionary<string, string?> { ["Sakip:Development:EnableClockOffset"] = "false" });
        var world = new TestWorld(off);
        await world.SeedAsync();
        var client = await world.ClientAsync("kesbangpol-kepala");
        await (await client.PostJsonAsync("/api/dev/clock", new { hours = 2 })).ProblemAsync(HttpStatusCode.NotFound);
    }
}
