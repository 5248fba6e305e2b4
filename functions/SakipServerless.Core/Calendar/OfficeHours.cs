using System.Globalization;
using System.Text;

namespace SakipServerless.Core.Calendar;

/// <summary>An office's opening hours: for each day of the week one open–close interval, or closed.</summary>
/// <remarks>
/// The interval is half-open: the opening minute is office time, the closing minute is not.
/// One interval per day is enough for Indonesian government offices (the break does not stop SOP clocks).
/// </remarks>
public sealed class OfficeHours
{
    // Indexed by (int)DayOfWeek; null means closed.
    private readonly (TimeOnly Open, TimeOnly Close)?[] _days;

    private OfficeHours((TimeOnly Open, TimeOnly Close)?[] days)
    {
        _days = days;
        HasOpenDay = Array.Exists(days, d => d is not null);
    }

    /// <summary>The common pemda schedule: Monday–Thursday 07:30–16:00, Friday 07:30–16:30, weekend closed.</summary>
    public static OfficeHours Default { get; } = Create(new Dictionary<DayOfWeek, (TimeOnly Open, TimeOnly Close)>
    {
        [DayOfWeek.Monday] = (new TimeOnly(7, 30), new TimeOnly(16, 0)),
        [DayOfWeek.Tuesday] = (new TimeOnly(7, 30), new TimeOnly(16, 0)),
        [DayOfWeek.Wednesday] = (new TimeOnly(7, 30), new TimeOnly(16, 0)),
        [DayOfWeek.Thursday] = (new TimeOnly(7, 30), new TimeOnly(16, 0)),
        [DayOfWeek.Friday] = (new TimeOnly(7, 30), new TimeOnly(16, 30)),
    });

    /// <summary>Whether at least one day of the week is open; without one, working time cannot advance.</summary>
    public bool HasOpenDay { get; }

    /// <summary>Builds office hours from the open days; days not in <paramref name="days"/> are closed.</summary>
    /// <exception cref="ArgumentException">A key is not a day of the week, or a day does not open before it closes.</exception>
    public static OfficeHours Create(IReadOnlyDictionary<DayOfWeek, (TimeOnly Open, TimeOnly Close)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var table = new (TimeOnly Open, TimeOnly Close)?[7];
        foreach (var (day, (open, close)) in days)
        {
            if (!Enum.IsDefined(day))
            {
                throw new ArgumentException($"{(int)day} is not a day of the week.", nameof(days));
            }

            if (open >= close)
            {
                throw new ArgumentException(
                    $"Office hours for {day}: opening {Format(open)} must be before closing {Format(close)} (a day cannot run past midnight).",
                    nameof(days));
            }

            table[(int)day] = (open, close);
        }

        return new OfficeHours(table);
    }

    /// <summary>Gets the day's opening and closing time; false when the office is closed that day.</summary>
    public bool TryGet(DayOfWeek day, out TimeOnly open, out TimeOnly close)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)day, (uint)DayOfWeek.Saturday, nameof(day));
        if (_days[(int)day] is { } hours)
        {
            (open, close) = hours;
            return true;
        }

        open = close = default;
        return false;
    }

    /// <summary>A readable summary such as <c>Mon 07:30–16:00, …, Sat closed, Sun closed</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        // Monday first, as an Indonesian office week reads.
        foreach (var day in (ReadOnlySpan<DayOfWeek>)[DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday])
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day)).Append(' ');
            text.Append(_days[(int)day] is { } h ? $"{Format(h.Open)}–{Format(h.Close)}" : "closed");
        }

        return text.ToString();
    }

    private static string Format(TimeOnly time) =>
        time.ToString(time is { Second: 0, Millisecond: 0, Microsecond: 0 } ? "HH:mm" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
