using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Sweep;
using SakipServerless.Api.Tests.Faults.Replay;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Faults;

/// <summary>
/// The host clock misbehaving: jumping forward over a weekend of downtime (no sweep ran), and jumping backwards
/// after escalations were applied. Times are WITA (+08:00), the pemda's zone.
/// </summary>
public sealed class ClockFaultTests : IAsyncLifetime
{
    private const string Step1 = "menugaskan-kasubag-kasubid";
    private const string Collect = "menyerahkan-bahan-laporan";

    private ApiFactory? _factory;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Fact]
    public async Task ClockJumpingForwardOverAWeekend_SweepCatchesUpWithTheOriginalDueTimes()
    {
        var (world, sweep) = await ArrangeAsync(Wita("2026-04-10T15:00")); // Friday afternoon
        string disposition = await StartAsync(world, TestWorld.Opd);       // step 1 due Friday 15:15
        string collect = await StartAsync(world, TestWorld.OtherOpd);
        await OpenCollectAsync(world, TestWorld.OtherOpd, collect);       // unit tasks due Monday 15:00

        // The host was down from Friday 15:05 until Tuesday 10:00: one pass must apply everything that fell due meanwhile.
        world.Factory.Clock.SetTo(Wita("2026-04-14T10:00"));
        Assert.Equal(2 + 3, await sweep.RunOnceAsync());

        var step = (await RunAsync(world, disposition)).Step(Step1);
        Assert.Equal(2, step.GetProperty("escalationLevel").GetInt32());
        var stepEvents = Escalations(await RunAsync(world, disposition), Step1);
        Assert.Equal([("step-late", 1), ("step-escalated", 2)], stepEvents.Select(e => (e.Type, e.Level)));
        Assert.All(stepEvents, e => Assert.Equal(Wita("2026-04-10T15:15"), e.DueAt)); // the original deadline, not the catch-up time
        Assert.All(stepEvents, e => Assert.Equal(Wita("2026-04-14T10:00"), e.At));

        // The units were due Monday 15:00; their level 2 falls due one working day after that, not one day after the catch-up.
        var run = await RunAsync(world, collect);
        Assert.Equal(Wita("2026-04-14T15:00"), run.GetProperty("nextDeadline").GetDateTimeOffset());
        Assert.All(Units(run), u => Assert.Equal(1, u.GetProperty("escalationLevel").GetInt32()));
        Assert.All(Escalations(run), e => Assert.Equal(Wita("2026-04-13T15:00"), e.DueAt));

        world.Factory.Clock.SetTo(Wita("2026-04-14T14:59"));
        Assert.Equal(0, await sweep.RunOnceAsync());
        world.Factory.Clock.SetTo(Wita("2026-04-14T15:01"));
        Assert.Equal(3, await sweep.RunOnceAsync());
        Assert.All(Units(await RunAsync(world, collect)), u => Assert.Equal(2, u.GetProperty("escalationLevel").GetInt32()));

        Assert.Empty(StoreAudit.Read(world.Factory.DatabasePath, (_, _) => TestWorld.LoadTemplate(TestWorld.TemplateId)).Problems);
    }

    [Fact]
    public async Task ClockJumpingBackwards_NeverUnEscalates()
    {
        var (world, sweep) = await ArrangeAsync(Wita("2026-04-06T08:30")); // Monday morning
        string disposition = await StartAsync(world, TestWorld.Opd);       // step 1 due 08:45
        string collect = await StartAsync(world, TestWorld.OtherOpd);
        await OpenCollectAsync(world, TestWorld.OtherOpd, collect);       // unit tasks due Tuesday 08:30
        var clock = world.Factory.Clock;

        clock.SetTo(Wita("2026-04-06T09:00"));
        Assert.Equal(1, await sweep.RunOnceAsync());
        int version = (await RunAsync(world, disposition)).GetProperty("version").GetInt32();

        // Back to before the deadline (an NTP step, a VM restored from a snapshot): nothing is undone or applied again.
        clock.SetTo(Wita("2026-04-06T08:00"));
        Assert.Equal(0, await sweep.RunOnceAsync());
        var behind = await RunAsync(world, disposition);
        Assert.Equal(version, behind.GetProperty("version").GetInt32());
        Assert.Equal(1, behind.Step(Step1).GetProperty("escalationLevel").GetInt32());

        // Work handed in while the clock is behind stays late: it was escalated as late.
        var kabid = await world.ClientAsync($"{TestWorld.Opd}-kabid");
        var completed = await (await kabid.PostJsonAsync($"/api/runs/{disposition}/steps/{Step1}/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } })).JsonAsync(HttpStatusCode.OK);
        Assert.True(completed.Step(Step1).GetProperty("completedAt").GetDateTimeOffset() < completed.Step(Step1).GetProperty("dueAt").GetDateTimeOffset());
        Assert.True(completed.Step(Step1).GetProperty("completedLate").GetBoolean());
        Assert.Equal(1, completed.Step(Step1).GetProperty("escalationLevel").GetInt32());

        // The same for a unit task: late on Tuesday 09:00, the clock falls back to 08:00, the unit submits.
        clock.SetTo(Wita("2026-04-07T09:00"));
        Assert.Equal(3 + 2, await sweep.RunOnceAsync()); // and the disposition run's step 2, activated Monday 08:00, to level 2
        clock.SetTo(Wita("2026-04-07T08:00"));
        Assert.Equal(0, await sweep.RunOnceAsync());
        Assert.All(Units(await RunAsync(world, collect)), u => Assert.Equal(1, u.GetProperty("escalationLevel").GetInt32()));

        string unit = TestWorld.Units[0].Id;
        var staff = await world.ClientAsync($"{TestWorld.OtherOpd}-{unit}");
        string report = await staff.UploadEvidenceAsync(collect);
        var submitted = await (await staff.PostJsonAsync($"/api/runs/{collect}/steps/{Collect}/units/{unit}/submit",
            new { realisasi = new[] { new { indicatorId = $"{TestWorld.OtherOpd}-iku-1", value = 85m } }, evidenceFileIds = new[] { report } })).JsonAsync(HttpStatusCode.OK);
        var task = Units(submitted).Single(u => u.GetProperty("unitId").GetString() == unit);
        Assert.True(task.GetProperty("submission").GetProperty("submittedAt").GetDateTimeOffset() < task.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(1, task.GetProperty("escalationLevel").GetInt32());
        Assert.True((await StoredUnitAsync(world, collect, unit)).SubmittedLate);

        // Forward again, past the level-2 time: the two silent units escalate once; nothing is applied a second time.
        clock.SetTo(Wita("2026-04-08T09:00"));
        Assert.Equal(2, await sweep.RunOnceAsync());
        Assert.Equal(0, await sweep.RunOnceAsync());
        Assert.Equal(3 + 2, Escalations(await RunAsync(world, collect)).Count);
        Assert.Single(Escalations(await RunAsync(world, disposition), Step1));

        Assert.Empty(StoreAudit.Read(world.Factory.DatabasePath, (_, _) => TestWorld.LoadTemplate(TestWorld.TemplateId)).Problems);
    }

    private async Task<(TestWorld World, DeadlineSweep Sweep)> ArrangeAsync(DateTimeOffset start)
    {
        _factory = new ApiFactory(clock: new ManualClock(start));
        var world = new TestWorld(_factory);
        await world.SeedAsync();
        return (world, _factory.Services.GetRequiredService<DeadlineSweep>());
    }

    private static async Task<string> StartAsync(TestWorld world, string opd)
    {
        var head = await world.ClientAsync($"{opd}-kepala");
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created);
        return run.GetProperty("id").GetString()!;
    }

    private static async Task OpenCollectAsync(TestWorld world, string opd, string runId)
    {
        await (await (await world.ClientAsync($"{opd}-kabid")).PostJsonAsync($"/api/runs/{runId}/steps/{Step1}/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } })).JsonAsync(HttpStatusCode.OK);
        await (await (await world.ClientAsync($"{opd}-kasubid-kasubag")).PostJsonAsync($"/api/runs/{runId}/steps/memerintahkan-analis/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Disposisi" } })).JsonAsync(HttpStatusCode.OK);
    }

    private static async Task<JsonElement> RunAsync(TestWorld world, string runId) =>
        await (await (await world.ClientAsync("sekda")).GetAsync($"/api/runs/{runId}")).JsonAsync(HttpStatusCode.OK);

    private static List<JsonElement> Units(JsonElement run) => run.Step(Collect).GetProperty("unitTasks").EnumerateArray().ToList();

    private static List<(string Type, int Level, DateTimeOffset DueAt, DateTimeOffset At)> Escalations(JsonElement run, string stepId = Collect) =>
        run.GetProperty("history").EnumerateArray()
            .Where(e => e.TryGetProperty("escalationLevel", out var level) && level.ValueKind == JsonValueKind.Number && e.GetProperty("stepId").GetString() == stepId)
            .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("escalationLevel").GetInt32(), e.GetProperty("dueAt").GetDateTimeOffset(), e.GetProperty("at").GetDateTimeOffset()))
            .ToList();

    private static async Task<Core.Runs.UnitTask> StoredUnitAsync(TestWorld world, string runId, string unitId)
    {
        var run = await world.Factory.Services.GetRequiredService<Core.Storage.IRunStore>().FindAsync(TestWorld.Tenant, runId);
        return run!.FindStep(Collect)!.FindUnit(unitId)!;
    }

    private static DateTimeOffset Wita(string local) => DateTimeOffset.Parse(local + ":00+08:00", System.Globalization.CultureInfo.InvariantCulture);
}
