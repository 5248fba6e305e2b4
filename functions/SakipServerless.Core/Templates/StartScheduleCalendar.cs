using SakipServerless.Core.Calendar;

namespace SakipServerless.Core.Templates;

/// <summary>The schedule maths: when each occurrence of a <see cref="StartSchedule"/> starts on a tenant's working-time calendar.</summary>
/// <remarks>
/// Pure: the same schedule, calendar and instant always give the same occurrences, so two schedulers agree on what is
/// due, and a durable timer trigger may call it on replay.
/// </remarks>
public static class StartScheduleCalendar
{
    /// <summary>The occurrence whose nominal day is in <paramref name="month"/> of <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentException">The schedule's day or time is invalid (the validator reports that first).</exception>
    public static ScheduledStart Occurrence(StartSchedule schedule, WorkCalendar calendar, int year, int month)
    {
        if (schedule.Day is < 1 or > 28 || !schedule.TryGetTime(out var time))
        {
            throw new ArgumentException($"Jadwal mulai tidak sah (tanggal {schedule.Day}, pukul {schedule.Time}).", nameof(schedule));
        }

        var date = new DateOnly(year, month, schedule.Day);
        var wall = date.ToDateTime(time ?? TimeOnly.MinValue, DateTimeKind.Unspecified);
        var nominal = new DateTimeOffset(wall, calendar.TimeZone.GetUtcOffset(wall));
        return new ScheduledStart(schedule.PeriodFor(year, month), date, calendar.NextOpening(nominal));
    }

    /// <summary>The latest occurrence that has started at <paramref name="now"/>; null when none has in the past two years.</summary>
    public static ScheduledStart? LatestDue(StartSchedule schedule, WorkCalendar calendar, DateTimeOffset now)
    {
        int year = calendar.ToLocal(now).Year;
        ScheduledStart? latest = null;
        // A shift moves a start by days at most, so the current and previous year hold the latest one.
        for (int y = year - 1; y <= year; y++)
        {
            foreach (int month in schedule.Months())
            {
                var start = Occurrence(schedule, calendar, y, month);
                if (start.StartsAt <= now && (latest is null || start.StartsAt > latest.Value.StartsAt))
                {
                    latest = start;
                }
            }
        }

        return latest;
    }

    /// <summary>The first occurrence that starts after <paramref name="after"/>.</summary>
    public static ScheduledStart Next(StartSchedule schedule, WorkCalendar calendar, DateTimeOffset after)
    {
        for (int y = calendar.ToLocal(after).Year; ; y++)
        {
            foreach (int month in schedule.Months())
            {
                var start = Occurrence(schedule, calendar, y, month);
                if (start.StartsAt > after)
                {
                    return start;
                }
            }
        }
    }
}
