using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Seeding;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Tests.Scenarios;

/// <summary>
/// Drives one run of a seed SOP over HTTP as the OPD's people would, one minute of the manual clock per action, and
/// checks "my tasks" of the assignee and the unit staff before each move.
/// </summary>
/// <remarks>
/// The first collect step gets the full choreography: units A and B submit, A is returned with a reason and
/// resubmits, both are accepted, unit C sends nothing until its lateness reaches level 2 (the clock moves past its due
/// time and the grace, and the engine acts on it: the app's own sweep, or the orchestrations' time following the
/// clock), then C submits and the step fans in. Later
/// collect passes (a redo after a review return, a second collect step) are answered by all units at once. The first
/// review returns the work once.
/// </remarks>
internal sealed class HttpRunDriver(ScenarioWorld world)
{
    public const string UnitReturnReason = "Realisasi belum disertai rincian per kegiatan; mohon dilengkapi.";
    public const string ReviewReturnReason = "Capaian triwulan belum dianalisis terhadap target Rencana Aksi; mohon diperbaiki.";

    private bool _collectChoreographed;
    private bool _reviewReturned;

    public string RunId { get; private set; } = "";

    /// <summary>Evidence a unit attaches to a submission (file ids uploaded to the run); none when not set.</summary>
    public Func<string, Task<IReadOnlyList<string>?>>? EvidenceFor { get; init; }

    public Period Period { get; private set; }

    private ApiFactory Factory => world.Factory;

    private SopTemplate Template => world.Template;

    private string UnitA => world.Units[0].Id;

    private string UnitB => world.Units[1].Id;

    private string UnitC => world.Units[2].Id;

    public async Task<JsonElement> StartAsync(Period period)
    {
        Period = period;
        var head = await world.ClientAsync(DemoUsers.Head);
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = world.Tenant.Opd.Id, period = period.Key })).JsonAsync(HttpStatusCode.Created);
        RunId = run.GetProperty("id").GetString()!;
        return run;
    }

    public async Task<JsonElement> RunToCompletionAsync()
    {
        for (int guard = 0; guard < 100; guard++)
        {
            var run = await RunAsync();
            if (run.GetProperty("status").GetString() != "running")
            {
                return run;
            }

            var active = run.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "active").ToList();
            var step = Assert.Single(active);
            var def = Template.FindStep(step.GetProperty("stepId").GetString()!)!;
            Tick();
            if (def.Kind == StepKind.Collect)
            {
                await (_collectChoreographed ? AnswerCollectAsync(def) : ChoreographCollectAsync(def, run));
                _collectChoreographed = true;
            }
            else
            {
                await ActOnStepAsync(def);
            }
        }

        throw new Xunit.Sdk.XunitException($"Run {RunId} did not complete within 100 moves.");
    }

    public async Task<JsonElement> RunAsync() =>
        await (await (await world.ClientAsync(DemoUsers.Head)).GetAsync($"/api/runs/{RunId}")).JsonAsync(HttpStatusCode.OK);

    public async Task<List<JsonElement>> TasksAsync(string userId) =>
        (await (await (await world.ClientAsync(userId)).GetAsync("/api/me/tasks")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

    private async Task ActOnStepAsync(SopStep def)
    {
        string assignee = world.UserFor(def.AssigneeRole!);
        var mine = await TasksAsync(assignee);
        Assert.Contains(mine, t => t.GetProperty("type").GetString() == "step" && t.GetProperty("stepId").GetString() == def.Id && t.GetProperty("runId").GetString() == RunId);
        foreach (var unit in world.Units)
        {
            Assert.Empty(await TasksAsync(DemoUsers.StaffOf(unit.Id))); // no step is ever a unit's task
        }

        var client = await world.ClientAsync(assignee);
        var body = new { output = def.Output is null ? "Selesai" : $"{def.Output} {Period.Label}", kelengkapan = def.Kelengkapan };
        if (def.Kind == StepKind.Review && !_reviewReturned)
        {
            _reviewReturned = true;
            var returned = await (await client.PostJsonAsync($"/api/runs/{RunId}/steps/{def.Id}/return", new { reason = ReviewReturnReason })).JsonAsync(HttpStatusCode.OK);
            Assert.Equal("returned", returned.Step(def.Id).GetProperty("status").GetString());
            var rework = returned.Step(def.OnReturn!);
            Assert.Equal("active", rework.GetProperty("status").GetString());
            Assert.Equal(ReviewReturnReason, rework.GetProperty("lastReturnReason").GetString());
            if (Template.FindStep(def.OnReturn!)!.Kind != StepKind.Collect)
            {
                var redo = await TasksAsync(world.UserFor(Template.FindStep(def.OnReturn!)!.AssigneeRole!));
                Assert.Contains(redo, t => t.GetProperty("stepId").GetString() == def.OnReturn && t.GetProperty("returnReason").GetString() == ReviewReturnReason);
            }

            return;
        }

        string action = def.Kind == StepKind.Review ? "approve" : "complete";
        var after = await (await client.PostJsonAsync($"/api/runs/{RunId}/steps/{def.Id}/{action}", body)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("done", after.Step(def.Id).GetProperty("status").GetString());
        Assert.DoesNotContain(await TasksAsync(assignee), t => t.GetProperty("stepId").GetString() == def.Id);
    }

    /// <summary>The full choreography of the first collect step; see the remarks of the class.</summary>
    private async Task ChoreographCollectAsync(SopStep def, JsonElement run)
    {
        string assignee = world.UserFor(def.AssigneeRole!);
        foreach (var unit in world.Units)
        {
            var task = Assert.Single(await TasksAsync(DemoUsers.StaffOf(unit.Id)));
            Assert.Equal("unit-submit", task.GetProperty("type").GetString());
            Assert.Equal(def.Id, task.GetProperty("stepId").GetString());
            Assert.Equal(unit.Id, task.GetProperty("unitId").GetString());
            Assert.Equal(run.Step(def.Id).GetProperty("dueAt").GetDateTimeOffset(), task.GetProperty("dueAt").GetDateTimeOffset());
        }

        Assert.DoesNotContain(await TasksAsync(assignee), t => t.GetProperty("type").GetString() == "unit-review");

        await SubmitAsync(def, UnitA);
        await SubmitAsync(def, UnitB);
        Assert.Empty(await TasksAsync(DemoUsers.StaffOf(UnitA)));
        Assert.Equal(new[] { UnitA, UnitB }, UnitReviews(await TasksAsync(assignee), def));

        // A's submission goes back with a reason: it is A's task again, with the reason, and no longer the assignee's.
        var reviewer = await world.ClientAsync(assignee);
        await (await reviewer.PostJsonAsync($"/api/runs/{RunId}/steps/{def.Id}/units/{UnitA}/return", new { reason = UnitReturnReason })).JsonAsync(HttpStatusCode.OK);
        var again = Assert.Single(await TasksAsync(DemoUsers.StaffOf(UnitA)));
        Assert.Equal("unit-submit", again.GetProperty("type").GetString());
        Assert.Equal(UnitReturnReason, again.GetProperty("returnReason").GetString());
        Assert.Equal(new[] { UnitB }, UnitReviews(await TasksAsync(assignee), def));

        await SubmitAsync(def, UnitA);
        await AcceptAsync(def, UnitA);
        await AcceptAsync(def, UnitB);
        Assert.Empty(UnitReviews(await TasksAsync(assignee), def));

        await EscalateUnitCToLevel2Async(def);

        await SubmitAsync(def, UnitC);
        var done = await AcceptAsync(def, UnitC);
        Assert.Equal("done", done.Step(def.Id).GetProperty("status").GetString());
        foreach (var unit in world.Units)
        {
            Assert.Empty(await TasksAsync(DemoUsers.StaffOf(unit.Id)));
        }
    }

    /// <summary>Unit C has sent nothing: past its due time it is late (level 1), after the grace escalated to the head of the OPD (level 2).</summary>
    private async Task EscalateUnitCToLevel2Async(SopStep def)
    {
        var due = UnitTask(await RunAsync(), def, UnitC).GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(1, await MoveClockToAsync(due.AddMinutes(1)));

        Assert.Equal(1, UnitTask(await RunAsync(), def, UnitC).GetProperty("escalationLevel").GetInt32());
        var late = Assert.Single(await TasksAsync(DemoUsers.StaffOf(UnitC)));
        Assert.True(late.GetProperty("isLate").GetBoolean());
        Assert.Equal(1, late.GetProperty("escalationLevel").GetInt32());

        // The grace is one working day: step a day at a time so weekends and holidays are crossed as they come.
        int level = 1;
        for (int day = 0; day < 15 && level < 2; day++)
        {
            await MoveClockToAsync(Factory.Clock.GetUtcNow().AddDays(1));
            level = UnitTask(await RunAsync(), def, UnitC).GetProperty("escalationLevel").GetInt32();
        }

        Assert.Equal(2, level);
        Assert.Equal(0, await MoveClockToAsync(Factory.Clock.GetUtcNow())); // nothing left to escalate: a second pass changes nothing
        var escalated = Assert.Single(await TasksAsync(DemoUsers.StaffOf(UnitC)));
        Assert.Equal(2, escalated.GetProperty("escalationLevel").GetInt32());
    }

    /// <summary>
    /// Sets the application clock, as the development clock does, and lets the engine act on it: the embedded engine's
    /// sweep, or the durable engine's orchestrations following the clock. Returns the escalations (durable: the runs
    /// that escalated; here there is one run).
    /// </summary>
    private async Task<int> MoveClockToAsync(DateTimeOffset to)
    {
        Factory.Clock.SetTo(to);
        using var scope = Factory.Services.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<IRunEngine>();
        return await engine.ClockMovedAsync(to, default) + await engine.ProcessDeadlinesAsync(default);
    }

    /// <summary>A later pass of a collect step: every unit submits, the assignee accepts every one.</summary>
    private async Task AnswerCollectAsync(SopStep def)
    {
        foreach (var unit in world.Units)
        {
            Assert.Contains(await TasksAsync(DemoUsers.StaffOf(unit.Id)), t => t.GetProperty("stepId").GetString() == def.Id);
            await SubmitAsync(def, unit.Id);
        }

        foreach (var unit in world.Units)
        {
            await AcceptAsync(def, unit.Id);
        }
    }

    private async Task SubmitAsync(SopStep def, string unitId)
    {
        Tick();
        var staff = await world.ClientAsync(DemoUsers.StaffOf(unitId));
        var realisasi = DemoRealisasi.For(world.Tenant, unitId, Period);
        Assert.NotEmpty(realisasi);
        var body = new
        {
            realisasi = realisasi.Select(r => new { indicatorId = r.IndicatorId, value = r.Value }),
            evidenceFileIds = (EvidenceFor is null ? null : await EvidenceFor(unitId)) ?? [await staff.UploadEvidenceAsync(RunId, $"laporan-{unitId}.pdf")],
            note = $"Data {Period.Label} unit {unitId}",
        };
        var run = await (await staff.PostJsonAsync($"/api/runs/{RunId}/steps/{def.Id}/units/{unitId}/submit", body)).JsonAsync(HttpStatusCode.OK);
        var task = UnitTask(run, def, unitId);
        Assert.Equal("submitted", task.GetProperty("status").GetString());
        var stored = task.GetProperty("submission").GetProperty("realisasi").EnumerateArray()
            .Select(r => (r.GetProperty("indicatorId").GetString(), r.GetProperty("value").GetDecimal())).ToList();
        Assert.Equal(realisasi.Select(r => ((string?)r.IndicatorId, r.Value)), stored);
    }

    private async Task<JsonElement> AcceptAsync(SopStep def, string unitId)
    {
        Tick();
        var reviewer = await world.ClientAsync(world.UserFor(def.AssigneeRole!));
        var run = await (await reviewer.PostJsonAsync($"/api/runs/{RunId}/steps/{def.Id}/units/{unitId}/accept", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("accepted", UnitTask(run, def, unitId).GetProperty("status").GetString());
        return run;
    }

    private static List<string> UnitReviews(IEnumerable<JsonElement> tasks, SopStep def) =>
        tasks.Where(t => t.GetProperty("type").GetString() == "unit-review" && t.GetProperty("stepId").GetString() == def.Id)
            .Select(t => t.GetProperty("unitId").GetString()!).ToList();

    private static JsonElement UnitTask(JsonElement run, SopStep def, string unitId) =>
        run.Step(def.Id).GetProperty("unitTasks").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unitId);

    private void Tick() => Factory.Clock.Advance(TimeSpan.FromMinutes(1));
}
