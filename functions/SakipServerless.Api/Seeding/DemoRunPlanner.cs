using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Seeding;

/// <summary>
/// Decides which runs a demo OPD gets and when each started: completed runs for the earlier quarters of the current
/// year (the last quarter of the previous year when the current one is the first), and one run of the current quarter
/// in the tenant's <see cref="DemoTenant.CurrentRun"/> state, all relative to the app clock's now in the tenant's zone.
/// </summary>
/// <remarks>
/// A run that must be mid-flight at now (late by less than the grace, escalated, on time…) depends on the working
/// calendar between its start and now: weekends, holidays, office hours. Rather than computing backwards through that
/// calendar, the planner replays the run from candidate start times, latest first, and keeps the first whose replay
/// shows the wanted state at now. Replays are in memory and cheap; the result is what the engine itself produced.
/// </remarks>
internal sealed class DemoRunPlanner(DemoTenant tenant, SopTemplate template, WorkCalendar calendar, DemoRunPlayer player)
{
    /// <summary>How far back the search looks; far more than any demo state needs, small enough to stay fast.</summary>
    private const int MaxWorkingDaysBack = 40;

    public static string RunId(string opdId, Period period) => $"demo-{opdId}-{period.Key.ToLowerInvariant()}";

    public static Period CurrentPeriod(WorkCalendar calendar, DateTimeOffset now)
    {
        var local = calendar.ToLocal(now);
        return new Period(local.Year, (local.Month - 1) / 3 + 1);
    }

    /// <summary>The runs to seed, oldest first; each is null when no start time gives the wanted state (then it is skipped).</summary>
    public IEnumerable<(Period Period, DemoRunState State, SopRun? Run)> Plan(DateTimeOffset now)
    {
        var current = CurrentPeriod(calendar, now);
        List<Period> completed = current.Quarter == 1
            ? [new Period(current.Year - 1, 4)]
            : Enumerable.Range(1, current.Quarter - 1).Select(q => new Period(current.Year, q)).ToList();

        // The return loop goes to the most recent completed run whose period includes a review step.
        var withReturnLoop = completed.LastOrDefault(HasReview);
        foreach (var period in completed)
        {
            int age = current.Year * 4 + current.Quarter - (period.Year * 4 + period.Quarter);
            var script = new DemoRunScript
            {
                Target = DemoRunState.Completed,
                ReturnFirstUnit = age == 1,
                ReturnFirstReview = period == withReturnLoop,
                LateUnitId = age == 2 ? tenant.Units[^1].Id : null,
            };
            yield return (period, DemoRunState.Completed, Produce(period, script, FirstMorningAfter(period), now));
        }

        var state = tenant.CurrentRun;
        yield return (current, state, Produce(current, ScriptFor(state), null, now));
    }

    private DemoRunScript ScriptFor(DemoRunState state)
    {
        int units = tenant.Units.Count;
        static int Count(StepInstance s, UnitTaskStatus status) => s.UnitTasks.Count(u => u.Status == status);
        return state switch
        {
            DemoRunState.OnTime => new()
            {
                Target = state,
                StopWhen = r => r.ActiveStep is { Kind: StepKind.Collect } s && Count(s, UnitTaskStatus.Accepted) >= Math.Max(1, (int)Math.Ceiling(units * 0.4)),
            },
            DemoRunState.Late => new()
            {
                Target = state,
                StopWhen = r => r.Steps.First(s => s.Kind == StepKind.Collect).Status == StepStatus.Done,
            },
            DemoRunState.Escalated => new() { Target = state, HeldUnitId = tenant.Units[^1].Id },
            DemoRunState.ReturnedReview => new()
            {
                Target = state,
                ReturnFirstUnit = true,
                ReturnFirstReview = true,
                StopWhen = r => r.History.Any(e => e.Type == RunEventType.StepReturned),
            },
            DemoRunState.ReturnedUnit => new()
            {
                Target = state,
                ReturnFirstUnit = true,
                StopWhen = r => r.ActiveStep is { Kind: StepKind.Collect } s
                    && Count(s, UnitTaskStatus.Returned) > 0 && Count(s, UnitTaskStatus.Accepted) >= Math.Min(3, units - 1),
            },
            _ => new() { Target = DemoRunState.Completed },
        };
    }

    private SopRun? Produce(Period period, DemoRunScript script, DateTimeOffset? preferredStart, DateTimeOffset now)
    {
        string id = RunId(tenant.Opd.Id, period);
        var candidates = preferredStart is { } preferred && preferred <= now
            ? StartsBefore(now).Prepend(preferred)
            : StartsBefore(now);
        foreach (var start in candidates)
        {
            var (run, reached) = player.Play(id, period, script, start, now);
            if (run is not null && reached && DemoRunStates.Holds(script.Target, run, now))
            {
                return run;
            }
        }

        return null;
    }

    /// <summary>Data for a quarter is collected in the first days of the next one.</summary>
    private DateTimeOffset FirstMorningAfter(Period period)
    {
        var day = new DateOnly(period.Year, period.Quarter * 3, 1).AddMonths(1);
        return Local(day, new TimeOnly(8, 0));
    }

    /// <summary>Office half-hours of the working days up to now, latest first.</summary>
    private IEnumerable<DateTimeOffset> StartsBefore(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(calendar.ToLocal(now).DateTime);
        for (int workingDays = 0; workingDays < MaxWorkingDaysBack; day = day.AddDays(-1))
        {
            if (!calendar.IsWorkingDay(day) || !calendar.OfficeHours.TryGet(day.DayOfWeek, out var open, out var close))
            {
                continue;
            }

            workingDays++;
            // TimeOnly wraps at midnight: a wrapped value is at or after closing and ends the loop.
            for (var time = close.AddMinutes(-30); time >= open && time < close; time = time.AddMinutes(-30))
            {
                var start = Local(day, time);
                if (start <= now)
                {
                    yield return start;
                }
            }
        }
    }

    private DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }

    private bool HasReview(Period period) => template.Steps.Any(s => s.Kind == StepKind.Review && s.When switch
    {
        StepWhen.SemesterEnd => period.IsSemesterEnd,
        StepWhen.YearEnd => period.IsYearEnd,
        _ => true,
    });
}
