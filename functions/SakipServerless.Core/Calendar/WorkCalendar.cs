namespace SakipServerless.Core.Calendar;

/// <summary>Working time of one office: its time zone, office hours and days off; computes due times and office time spent.</summary>
/// <remarks>
/// <para>Every <see cref="DateTimeOffset"/> returned is expressed with the calendar zone's offset (07:45 +08:00 in WITA),
/// whatever offset the input carried; inputs are instants, so UTC input works.</para>
/// <para>Office hours are half-open: the opening minute is office time, the closing minute is not.</para>
/// <para><see cref="Add"/> in <see cref="CalendarMode.Working"/> follows these rules:</para>
/// <list type="number">
/// <item>Work started outside office hours (evening, weekend, holiday, before opening) starts at the next opening.</item>
/// <item>Days: N days is N working days later at the same office clock time as the normalised start, never
/// "N × 24 office hours". When that clock time is past the target day's closing (started Friday 16:15, Monday closes
/// 16:00) it is clamped to the closing; before the target day's opening (custom hours), to the opening.</item>
/// <item>Then minutes count office minutes only, skipping closed time, weekends and holidays. Minutes that end exactly
/// at a closing time are due at that closing time (16:00), not at the next opening.</item>
/// <item><see cref="CalendarMode.Calendar"/> is plain elapsed time (Days × 24 h + Minutes) with no normalisation.</item>
/// <item>A zero duration in working mode returns the normalised start.</item>
/// </list>
/// <para>A working day is an open day of <see cref="OfficeHours"/> that is not in <see cref="Holidays"/>: libur nasional,
/// cuti bersama and libur daerah all stop the clock. Dates in years the holiday calendar does not cover have weekends only;
/// check <see cref="HolidayCalendar.Covers"/> when planning far ahead.</para>
/// <para>Computation goes day by day, never minute by minute. Loops end because holidays are finite and at least one
/// weekday is open; with no open day at all, working-mode operations throw <see cref="InvalidOperationException"/>.</para>
/// </remarks>
public sealed class WorkCalendar
{
    /// <summary>Creates a calendar from its parts.</summary>
    public WorkCalendar(TimeZoneInfo timeZone, OfficeHours officeHours, HolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(officeHours);
        ArgumentNullException.ThrowIfNull(holidays);
        TimeZone = timeZone;
        OfficeHours = officeHours;
        Holidays = holidays;
    }

    /// <summary>The zone the office's clock runs in (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The office's opening hours per day of the week.</summary>
    public OfficeHours OfficeHours { get; }

    /// <summary>The days off that stop working time.</summary>
    public HolidayCalendar Holidays { get; }

    /// <summary>A calendar for an IANA zone; by default with <see cref="OfficeHours.Default"/> and <see cref="HolidayCalendar.Indonesia"/>.</summary>
    /// <exception cref="ArgumentException">The zone is not known on this system.</exception>
    public static WorkCalendar ForZone(string ianaZoneId, OfficeHours? hours = null, HolidayCalendar? holidays = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ianaZoneId);
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(ianaZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException(
                $"Time zone '{ianaZoneId}' is not known on this system; use an IANA id such as Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).",
                nameof(ianaZoneId),
                e);
        }

        return new WorkCalendar(zone, hours ?? OfficeHours.Default, holidays ?? HolidayCalendar.Indonesia);
    }

    /// <summary>Whether the local date is an open day that is not a holiday of any kind.</summary>
    public bool IsWorkingDay(DateOnly localDate) =>
        OfficeHours.TryGet(localDate.DayOfWeek, out _, out _) && !Holidays.IsHoliday(localDate);

    /// <summary>Whether the instant falls inside the office hours of a working day.</summary>
    public bool IsOfficeTime(DateTimeOffset instant) =>
        TryGetWindow(LocalDate(instant), out var open, out var close) && instant >= open && instant < close;

    /// <summary>The instant itself when it is office time, otherwise the next opening.</summary>
    /// <exception cref="InvalidOperationException">The office hours have no open day.</exception>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        EnsureOpenDay();
        for (var date = LocalDate(instant); ; date = date.AddDays(1))
        {
            if (TryGetWindow(date, out var open, out var close) && instant < close)
            {
                return ToLocal(instant >= open ? instant : open);
            }
        }
    }

    /// <summary>The due time of work of <paramref name="duration"/> started at <paramref name="start"/>; see the rules above.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or the mode unknown.</exception>
    /// <exception cref="InvalidOperationException">Working mode, and the office hours have no open day.</exception>
    public DateTimeOffset Add(DateTimeOffset start, WorkDuration duration, CalendarMode mode = CalendarMode.Working)
    {
        if (duration.Days < 0 || duration.Minutes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration cannot be negative.");
        }

        return mode switch
        {
            CalendarMode.Working => AddWorking(start, duration),
            CalendarMode.Calendar => ToLocal(start + TimeSpan.FromDays(duration.Days) + TimeSpan.FromMinutes(duration.Minutes)),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown calendar mode."),
        };
    }

    /// <summary>The office time between two instants; <see cref="TimeSpan.Zero"/> when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(to);
        for (var date = LocalDate(from); ; date = date.AddDays(1))
        {
            if (TryGetWindow(date, out var open, out var close))
            {
                var begin = open > from ? open : from;
                var end = close < to ? close : to;
                if (end > begin)
                {
                    total += end - begin;
                }
            }

            if (date == last)
            {
                return total;
            }
        }
    }

    /// <summary>The same instant expressed with the zone's offset.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    private DateTimeOffset AddWorking(DateTimeOffset start, WorkDuration duration)
    {
        var at = NextOpening(start); // rule 1; also rule 5 when the duration is zero
        if (duration.Days > 0)
        {
            at = AddWorkingDays(at, duration.Days);
        }

        return duration.Minutes > 0 ? AddOfficeMinutes(at, duration.Minutes) : at;
    }

    // Rule 2. 'at' is office time, expressed locally.
    private DateTimeOffset AddWorkingDays(DateTimeOffset at, int days)
    {
        var clock = TimeOnly.FromDateTime(at.DateTime);
        var date = DateOnly.FromDateTime(at.DateTime);
        for (int i = 0; i < days; i++)
        {
            do
            {
                date = date.AddDays(1);
            }
            while (!IsWorkingDay(date));
        }

        OfficeHours.TryGet(date.DayOfWeek, out var open, out var close);
        clock = clock > close ? close : clock < open ? open : clock;
        return AtLocal(date, clock);
    }

    // Rule 3: consume each working day's remaining window until the minutes fit.
    private DateTimeOffset AddOfficeMinutes(DateTimeOffset at, int minutes)
    {
        var remaining = TimeSpan.FromMinutes(minutes);
        for (var date = LocalDate(at); ; date = date.AddDays(1))
        {
            if (TryGetWindow(date, out var open, out var close) && at < close)
            {
                var begin = at > open ? at : open;
                var available = close - begin;
                if (remaining <= available)
                {
                    return ToLocal(begin + remaining); // '<=' makes an exact fit due at the closing itself
                }

                remaining -= available;
            }
        }
    }

    private bool TryGetWindow(DateOnly date, out DateTimeOffset open, out DateTimeOffset close)
    {
        if (!OfficeHours.TryGet(date.DayOfWeek, out var opens, out var closes) || Holidays.IsHoliday(date))
        {
            open = close = default;
            return false;
        }

        open = AtLocal(date, opens);
        close = AtLocal(date, closes);
        return true;
    }

    // Indonesian zones have no daylight saving; elsewhere a wall time in a spring-forward gap takes the zone's standard offset.
    private DateTimeOffset AtLocal(DateOnly date, TimeOnly time)
    {
        var wall = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, TimeZone.GetUtcOffset(wall));
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    private void EnsureOpenDay()
    {
        if (!OfficeHours.HasOpenDay)
        {
            throw new InvalidOperationException(
                $"The office hours ({OfficeHours}) have no open day, so working time can never advance; open at least one day or use CalendarMode.Calendar.");
        }
    }
}
