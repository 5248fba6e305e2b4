using SakipServerless.Core.Calendar;
using static SakipServerless.Core.Tests.Calendar.CalendarText;

namespace SakipServerless.Core.Tests.Calendar;

/// <summary>WorkCalendar's questions about days and instants, WorkingTimeBetween, and construction.</summary>
public sealed class WorkCalendarQueryTests
{
    [Theory]
    [InlineData("2026-02-03", true)]   // ordinary Tuesday
    [InlineData("2026-02-07", false)]  // Saturday
    [InlineData("2026-02-08", false)]  // Sunday
    [InlineData("2026-03-19", false)]  // Nyepi, libur nasional
    [InlineData("2026-03-18", false)]  // cuti bersama
    [InlineData("2025-08-18", false)]  // cuti bersama added by the 2025 amendment
    [InlineData("2027-12-24", false)]  // cuti bersama Natal 2027
    [InlineData("2026-03-25", true)]   // first working day after the Idul Fitri leave
    public void IsWorkingDay_CountsWeekendsLiburNasionalAndCutiBersamaAsDaysOff(string date, bool expected)
    {
        Assert.Equal(expected, Wib.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-02-09 07:29 +07:00", false)]
    [InlineData("2026-02-09 07:30 +07:00", true)]
    [InlineData("2026-02-09 15:59 +07:00", true)]
    [InlineData("2026-02-09 16:00 +07:00", false)]
    [InlineData("2026-02-06 16:29 +07:00", true)]
    [InlineData("2026-02-06 16:30 +07:00", false)]
    [InlineData("2026-02-07 10:00 +07:00", false)]
    [InlineData("2026-03-19 10:00 +07:00", false)]
    [InlineData("2026-02-09 03:00 +00:00", true)] // 10:00 WIB
    public void IsOfficeTime_IncludesTheOpeningMinuteAndExcludesTheClosingMinute(string instant, bool expected)
    {
        Assert.Equal(expected, Wib.IsOfficeTime(Instant(instant)));
    }

    [Fact]
    public void NextOpening_InsideOfficeHours_IsTheInstantItselfInTheZoneOffset()
    {
        var instant = Instant("2026-02-09 03:00 +00:00");
        var opening = Wib.NextOpening(instant);

        Assert.Equal(instant, opening);
        Assert.Equal("2026-02-09 10:00 +07:00", Format(opening));
    }

    [Theory]
    [InlineData("2026-02-09 16:00 +07:00", "2026-02-10 07:30 +07:00")]
    [InlineData("2026-02-06 20:00 +07:00", "2026-02-09 07:30 +07:00")]
    [InlineData("2026-02-03 06:00 +07:00", "2026-02-03 07:30 +07:00")]
    [InlineData("2026-03-19 10:00 +07:00", "2026-03-25 07:30 +07:00")]
    [InlineData("2026-12-31 16:00 +07:00", "2027-01-04 07:30 +07:00")]
    public void NextOpening_OutsideOfficeHours_IsTheNextWorkingDaysOpening(string instant, string expected)
    {
        Assert.Equal(expected, Format(Wib.NextOpening(Instant(instant))));
    }

    [Fact]
    public void WorkingTimeBetween_AcrossAWeekendAndTheNyepiIdulFitriHolidays_CountsOnlyOfficeTime()
    {
        // Fri 13 Mar 15:00–16:30 (1.5 h) + Mon 16 and Tue 17 (8.5 h each) + Wed 25 Mar 07:30–08:30 (1 h).
        var spent = Wib.WorkingTimeBetween(Instant("2026-03-13 15:00 +07:00"), Instant("2026-03-25 08:30 +07:00"));
        Assert.Equal(TimeSpan.FromHours(19.5), spent);
    }

    [Fact]
    public void WorkingTimeBetween_AFullOrdinaryWeek_IsFourLongDaysAndFriday()
    {
        var spent = Wib.WorkingTimeBetween(Instant("2026-02-09 00:00 +07:00"), Instant("2026-02-16 00:00 +07:00"));
        Assert.Equal(TimeSpan.FromHours(4 * 8.5 + 9), spent);
    }

    [Fact]
    public void WorkingTimeBetween_GivenUtcInstants_MeasuresTheSameOfficeTime()
    {
        var local = Wib.WorkingTimeBetween(Instant("2026-02-06 16:00 +07:00"), Instant("2026-02-09 08:00 +07:00"));
        var utc = Wib.WorkingTimeBetween(Instant("2026-02-06 09:00 +00:00"), Instant("2026-02-09 01:00 +00:00"));
        Assert.Equal(TimeSpan.FromMinutes(60), local);
        Assert.Equal(local, utc);
    }

    [Fact]
    public void WorkingTimeBetween_IsZeroWhenToIsNotAfterFromOrNoOfficeTimeLiesBetween()
    {
        var tuesday = Instant("2026-02-03 10:00 +07:00");
        Assert.Equal(TimeSpan.Zero, Wib.WorkingTimeBetween(tuesday, tuesday));
        Assert.Equal(TimeSpan.Zero, Wib.WorkingTimeBetween(tuesday, tuesday.AddHours(-1)));
        Assert.Equal(TimeSpan.Zero, Wib.WorkingTimeBetween(Instant("2026-02-06 16:30 +07:00"), Instant("2026-02-09 07:30 +07:00")));
    }

    [Theory]
    [InlineData("2026-03-17 10:00 +07:00", 15)]
    [InlineData("2026-03-17 10:00 +07:00", 480)]
    [InlineData("2026-02-06 16:20 +07:00", 15)]
    [InlineData("2026-02-09 07:30 +07:00", 510)]
    [InlineData("2026-12-31 15:59 +07:00", 1)]
    [InlineData("2026-12-31 15:59 +07:00", 5000)]
    [InlineData("2025-08-15 13:00 +07:00", 2000)]
    [InlineData("2026-05-25 06:00 +00:00", 3000)]
    public void WorkingTimeBetween_StartAndAddedMinutesFromInsideOfficeTime_IsThoseMinutes(string start, int minutes)
    {
        var from = Instant(start);
        Assert.True(Wib.IsOfficeTime(from), "precondition: the start is office time");

        var due = Wib.Add(from, WorkDuration.FromMinutes(minutes));

        Assert.Equal(TimeSpan.FromMinutes(minutes), Wib.WorkingTimeBetween(from, due));
    }

    [Theory]
    [InlineData("2026-02-06 20:00 +07:00", 15)]
    [InlineData("2026-03-19 09:00 +07:00", 600)]
    public void WorkingTimeBetween_StartAndAddedMinutesFromOutsideOfficeTime_IsAlsoThoseMinutes(string start, int minutes)
    {
        var from = Instant(start);
        var due = Wib.Add(from, WorkDuration.FromMinutes(minutes));
        Assert.Equal(TimeSpan.FromMinutes(minutes), Wib.WorkingTimeBetween(from, due));
    }

    [Theory]
    [InlineData("Asia/Jakarta", 7)]
    [InlineData("Asia/Makassar", 8)]
    [InlineData("Asia/Jayapura", 9)]
    public void ForZone_ResolvesTheThreeIndonesianZones(string zone, int offsetHours)
    {
        var calendar = WorkCalendar.ForZone(zone);
        Assert.Equal(TimeSpan.FromHours(offsetHours), calendar.TimeZone.BaseUtcOffset);
        Assert.Equal(TimeSpan.FromHours(offsetHours), calendar.ToLocal(Instant("2026-02-03 00:00 +00:00")).Offset);
    }

    [Fact]
    public void ForZone_WithoutHoursOrHolidays_UsesTheDefaultsAndTheBundledIndonesianCalendar()
    {
        var calendar = WorkCalendar.ForZone("Asia/Makassar");
        Assert.Same(OfficeHours.Default, calendar.OfficeHours);
        Assert.Same(HolidayCalendar.Indonesia, calendar.Holidays);
    }

    [Fact]
    public void ForZone_UnknownZone_ThrowsArgumentExceptionNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkCalendar.ForZone("Asia/Atlantis"));
        Assert.Contains("Asia/Atlantis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLocal_KeepsTheInstantAndUsesTheZoneOffset()
    {
        var utc = Instant("2026-02-03 01:00 +00:00");
        var local = WorkCalendar.ForZone("Asia/Jayapura").ToLocal(utc);
        Assert.Equal(utc, local);
        Assert.Equal("2026-02-03 10:00 +09:00", Format(local));
    }

    [Fact]
    public void WithEveryDayClosed_NoDayIsWorkingAndNoTimeIsOfficeTime()
    {
        var closed = new WorkCalendar(Wib.TimeZone, OfficeHours.Create(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>()), HolidayCalendar.Empty);
        Assert.False(closed.IsWorkingDay(new DateOnly(2026, 2, 3)));
        Assert.False(closed.IsOfficeTime(Instant("2026-02-03 10:00 +07:00")));
        Assert.Equal(TimeSpan.Zero, closed.WorkingTimeBetween(Instant("2026-02-01 00:00 +07:00"), Instant("2026-03-01 00:00 +07:00")));
    }
}
