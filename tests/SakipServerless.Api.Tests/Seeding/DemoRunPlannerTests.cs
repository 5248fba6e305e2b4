using System.Diagnostics;
using SakipServerless.Api.Seeding;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Tests.Seeding;

/// <summary>The demo runs land in their states whatever the moment of seeding: weekday or weekend, office hours or night, holidays, year end.</summary>
public sealed class DemoRunPlannerTests
{
    /// <summary>Moments across the calendars the holiday files cover: every 9 days and 7 hours, so weekdays and hours rotate.</summary>
    public static TheoryData<DateTimeOffset> Moments()
    {
        var data = new TheoryData<DateTimeOffset>();
        for (var at = new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero); at.Year < 2028; at = at.AddDays(9).AddHours(7))
        {
            data.Add(at);
        }

        data.Add(new DateTimeOffset(2026, 3, 23, 1, 0, 0, TimeSpan.Zero)); // the week after Idul Fitri 1447 H, cuti bersama
        data.Add(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)); // new year's morning in WITA, still 31 December in WIB
        return data;
    }

    [Theory]
    [MemberData(nameof(Moments))]
    public void EveryDemoRun_IsInItsState_AtTheMomentOfSeeding(DateTimeOffset now)
    {
        foreach (var tenant in DemoData.Load().Tenants)
        {
            var template = TestWorld.LoadTemplate(tenant.Opd.TemplateId) with { Version = 1 };
            var calendar = WorkCalendar.ForZone(tenant.TimeZone);
            var player = new DemoRunPlayer(tenant, template, calendar, EscalationPolicy.Default, DemoUsers.For(tenant, template, tenant.Units));
            var started = Stopwatch.GetTimestamp();

            var plan = new DemoRunPlanner(tenant, template, calendar, player).Plan(now).ToList();

            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5), $"planning {tenant.Id} took {Stopwatch.GetElapsedTime(started)}");
            Assert.Equal(tenant.CurrentRun, plan[^1].State);
            Assert.Equal(DemoRunPlanner.CurrentPeriod(calendar, now), plan[^1].Period);
            Assert.All(plan[..^1], p => Assert.Equal(DemoRunState.Completed, p.State));
            foreach (var (period, state, run) in plan)
            {
                Assert.True(run is not null, $"{tenant.Id} {period}: no run {state} at {now:O}");
                Assert.True(DemoRunStates.Holds(state, run, now), $"{tenant.Id} {period}: not {state} at {now:O}");
                Assert.True(run.History[^1].At <= now, $"{tenant.Id} {period}: acted after now");
                Assert.Equal(period, run.Period);
            }
        }
    }
}
