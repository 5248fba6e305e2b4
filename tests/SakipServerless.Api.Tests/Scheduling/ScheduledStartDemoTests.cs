using System.Net;
using System.Net.Http.Json;
using SakipServerless.Api.Seeding;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Scheduling;

/// <summary>What a newcomer sees in the local demo: the dev clock moved past a scheduled start starts the run.</summary>
public sealed class ScheduledStartDemoTests : IAsyncLifetime
{
    // Monday 6 April 2026, 08:30 WITA: the demo seeds 2026-Q1 (completed) and the current quarter's run, 2026-Q2.
    private readonly ApiFactory _factory = new(clock: new ManualClock(new DateTimeOffset(2026, 4, 6, 0, 30, 0, TimeSpan.Zero)),
        settings: new Dictionary<string, string?> { ["Sakip:Development:SeedDemoData"] = "true" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task DevClockPastTheNextTenthWithoutARun_StartsJenepontosRun_BySchedule_AndNoOtherPemdas()
    {
        var world = new TestWorld(_factory);
        var admin = await world.ClientAsync(DemoUsers.Admin, "jeneponto");

        // To Monday 12 October 2026 08:30 WITA: Saturday the 10th's start moved to the opening, for triwulan III.
        var clock = await (await admin.PostAsJsonAsync("/api/dev/clock", new { days = 189 })).JsonAsync(HttpStatusCode.OK);

        string started = Assert.Single(clock.GetProperty("startedRuns").EnumerateArray()).GetString()!;
        var reader = await world.ClientAsync(DemoUsers.Admin, "jeneponto");
        var run = await (await reader.GetAsync($"/api/runs/{started}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-Q3", run.GetProperty("period").GetString());
        Assert.Equal("scheduler", run.GetProperty("history")[0].GetProperty("actorId").GetString());
    }
}
