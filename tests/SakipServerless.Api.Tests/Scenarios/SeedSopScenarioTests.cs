using SakipServerless.Api.Seeding;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Tests.Scenarios;

/// <summary>
/// Every seed SOP, run end to end over HTTP under the manual clock in its pemda's zone and working calendar: a unit
/// submission returned and resubmitted, a unit escalated to level 2, a review returned once and redone, and (in Q4) the
/// semester and year-end steps.
/// </summary>
/// <remarks>
/// On both engines (subclasses below). The durable runs take their time from their orchestrations: the actions' minutes
/// on the manual clock do not reach them, but the jumps that make unit C late do, as the development clock's do
/// (<c>IRunEngine.ClockMovedAsync</c>), so the same escalations happen at the same moments. The due times checked are
/// relative to each step's activation, which holds on either. The same seeds are compared engine against engine, run
/// time scaled, in <c>SakipServerless.Engine.Durable.Tests/Scenarios/SeedScenarioParityTests</c>.
/// </remarks>
public abstract class SeedSopScenarioTests(RunEngineKind engine)
{
    public const string Jeneponto = "jeneponto-kesbangpol-pengumpulan-data-kinerja";
    public const string Balangan = "balangan-bappedalitbang-pengumpulan-data-kinerja";
    public const string Bantul = "bantul-inspektorat-pengumpulan-data-kinerja";
    public const string Samboja = "samboja-kecamatan-pengumpulan-data-kinerja";
    public const string BatuiSelatan = "batui-selatan-kecamatan-pengumpulan-data-kinerja";

    public static TheoryData<string, int> Runs => new()
    {
        { Jeneponto, 1 }, { Jeneponto, 4 },
        { Balangan, 1 }, { Balangan, 4 },
        { Bantul, 1 }, { Bantul, 4 },
        { Samboja, 1 }, { Samboja, 4 },
        { BatuiSelatan, 1 }, { BatuiSelatan, 4 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task SeedSop_RunsToTheEndOverHttp_WithReturnsAndALevel2Escalation(string templateId, int quarter)
    {
        var period = new Period(2026, quarter);
        string zone = DemoData.Load().Tenants.Single(t => t.Opd.TemplateId == templateId).TimeZone;
        var calendar = WorkCalendar.ForZone(zone);
        await using var factory = new ApiFactory(clock: new ManualClock(FirstMorningOfCollection(period, calendar)), engine: engine);
        var world = await ScenarioWorld.ArrangeAsync(factory, templateId, period.Year);
        var driver = new HttpRunDriver(world);

        var started = await driver.StartAsync(period);
        Assert.Equal(period.Key, started.GetProperty("period").GetString());
        var run = await driver.RunToCompletionAsync();

        Assert.Equal("completed", run.GetProperty("status").GetString());
        var history = run.GetProperty("history").EnumerateArray().ToList();
        int Seq(string type, Func<System.Text.Json.JsonElement, bool>? where = null) =>
            history.First(e => e.GetProperty("type").GetString() == type && (where?.Invoke(e) ?? true)).GetProperty("seq").GetInt32();

        int runStarted = Seq("run-started");
        int unitReturned = Seq("unit-task-returned", e => e.GetProperty("reason").GetString() == HttpRunDriver.UnitReturnReason);
        int late = Seq("unit-task-late", e => e.GetProperty("unitId").GetString() == world.Units[2].Id && e.GetProperty("escalationLevel").GetInt32() == 1);
        int escalated = Seq("unit-task-escalated", e => e.GetProperty("unitId").GetString() == world.Units[2].Id && e.GetProperty("escalationLevel").GetInt32() == 2);
        int completed = Seq("run-completed");
        Assert.True(runStarted < unitReturned && unitReturned < late && late < escalated && escalated < completed, "history out of order");
        Assert.Equal(completed, history[^1].GetProperty("seq").GetInt32());
        Assert.Single(history, e => e.GetProperty("type").GetString() == "unit-task-escalated");

        // Balangan and Bantul review only at semester end: their Q1 has no review to return.
        bool hasReview = world.Template.Steps.Any(s => s.Kind == StepKind.Review && Applies(s.When, period));
        Assert.Equal(hasReview, history.Any(e => e.GetProperty("type").GetString() == "step-returned"));
        if (hasReview)
        {
            int reviewReturned = Seq("step-returned", e => e.GetProperty("reason").GetString() == HttpRunDriver.ReviewReturnReason);
            Assert.True(escalated < reviewReturned && reviewReturned < completed, "the review returned outside the run");
        }

        foreach (var def in world.Template.Steps)
        {
            var step = run.Step(def.Id);
            string status = step.GetProperty("status").GetString()!;
            Assert.Equal(Applies(def.When, period) ? "done" : "skipped", status);
            if (status == "done")
            {
                // Each due time is the SOP's waktu for this period, in working time of the pemda's zone.
                var activated = step.GetProperty("activatedAt").GetDateTimeOffset();
                var expected = calendar.Add(activated, def.Duration!.For(period.Kind), world.Template.Calendar);
                Assert.Equal(expected, step.GetProperty("dueAt").GetDateTimeOffset());
            }
        }

        var firstCollect = run.Step(world.Template.Steps.First(s => s.Kind == StepKind.Collect).Id);
        foreach (var unit in world.Units)
        {
            var task = firstCollect.GetProperty("unitTasks").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unit.Id);
            Assert.Equal("accepted", task.GetProperty("status").GetString());
            var reported = task.GetProperty("submission").GetProperty("realisasi").EnumerateArray().Select(r => r.GetProperty("indicatorId").GetString()).ToList();
            Assert.Equal(DemoRealisasi.For(world.Tenant, unit.Id, period).Select(r => r.IndicatorId), reported);
        }

        // A completed run is nobody's work any more.
        var everyone = world.Template.Roles.Select(r => world.UserFor(r.Id)).Append(DemoUsers.Head)
            .Concat(world.Units.Select(u => DemoUsers.StaffOf(u.Id))).Distinct();
        foreach (var user in everyone)
        {
            Assert.Empty(await driver.TasksAsync(user));
        }
    }

    /// <summary>Data for a quarter is collected early in the next one: Monday 6 April 2026 for Q1, Monday 4 January 2027 for Q4, 08:00 local.</summary>
    private static DateTimeOffset FirstMorningOfCollection(Period period, WorkCalendar calendar)
    {
        var local = period.Quarter == 4 ? new DateTime(period.Year + 1, 1, 4, 8, 0, 0) : new DateTime(period.Year, period.Quarter * 3 + 1, 6, 8, 0, 0);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }

    private static bool Applies(StepWhen when, Period period) => when switch
    {
        StepWhen.SemesterEnd => period.IsSemesterEnd,
        StepWhen.YearEnd => period.IsYearEnd,
        _ => true,
    };
}

public sealed class EmbeddedEngineSeedSopScenarioTests() : SeedSopScenarioTests(RunEngineKind.Embedded);

public sealed class DurableEngineSeedSopScenarioTests() : SeedSopScenarioTests(RunEngineKind.Durable);
