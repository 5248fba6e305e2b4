using System.Globalization;
using SakipServerless.Core.Calendar;

namespace SakipServerless.Core.Tests.Calendar;

/// <summary>Instants written as "2026-02-06 20:00 +07:00" so expectations read like a wall clock with its zone.</summary>
internal static class CalendarText
{
    public static readonly WorkCalendar Wib = WorkCalendar.ForZone("Asia/Jakarta");

    public static DateTimeOffset Instant(string text) =>
        DateTimeOffset.ParseExact(text, ["yyyy-MM-dd HH:mm zzz", "yyyy-MM-dd HH:mm:ss zzz"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    // Offset included on purpose: DateTimeOffset equality ignores it, and the contract says results carry the zone's offset.
    public static string Format(DateTimeOffset value) =>
        value.ToString(value.Second == 0 && value.Millisecond == 0 ? "yyyy-MM-dd HH:mm zzz" : "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", CultureInfo.InvariantCulture);

    public static string Due(string start, string duration, CalendarMode mode = CalendarMode.Working, WorkCalendar? calendar = null) =>
        Format((calendar ?? Wib).Add(Instant(start), WorkDuration.Parse(duration), mode));
}
