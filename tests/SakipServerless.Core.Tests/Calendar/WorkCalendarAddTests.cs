using SakipServerless.Core.Calendar;
using static SakipServerless.Core.Tests.Calendar.CalendarText;

namespace SakipServerless.Core.Tests.Calendar;

/// <summary>WorkCalendar.Add: the due-time rules, with dates from the bundled SKB data (WIB unless a test says otherwise).</summary>
public sealed class WorkCalendarAddTests
{
    // --- Bug 1 of other engines: holidays ignored ---

    [Fact]
    public void Add_OneDay_SkipsNyepiCutiBersamaAndIdulFitri2026()
    {
        // 18 Mar cuti bersama, 19 Nyepi, 20 cuti bersama, 21–22 Idul Fitri (weekend), 23–24 cuti bersama.
        Assert.Equal("2026-03-25 10:00 +07:00", Due("2026-03-17 10:00 +07:00", "P1D"));
    }

    [Fact]
    public void Add_EightHours_SkipsNyepiCutiBersamaAndIdulFitri2026()
    {
        // 6 h left on Tuesday, the remaining 2 h on the next working day, 25 Mar.
        Assert.Equal("2026-03-25 09:30 +07:00", Due("2026-03-17 10:00 +07:00", "PT8H"));
    }

    [Fact]
    public void Add_OneDay_SkipsTheCutiBersamaAddedByThe2025Amendment()
    {
        // 17 Aug 2025 is a Sunday; Monday 18 Aug became cuti bersama by SKB 933/1/3 Tahun 2025.
        Assert.Equal("2025-08-19 10:00 +07:00", Due("2025-08-15 10:00 +07:00", "P1D"));
    }

    [Fact]
    public void Add_OneDay_SkipsImlekCutiBersamaAndLiburNasional2026()
    {
        Assert.Equal("2026-02-18 10:00 +07:00", Due("2026-02-13 10:00 +07:00", "P1D"));
    }

    // --- Bug 2: timers created outside business hours ---

    [Fact]
    public void Add_FifteenMinutesFromFridayEvening_IsDueMondayAt0745()
    {
        Assert.Equal("2026-02-09 07:45 +07:00", Due("2026-02-06 20:00 +07:00", "PT15M"));
    }

    [Fact]
    public void Add_FifteenMinutesFromSaturday_IsDueMondayAt0745()
    {
        Assert.Equal("2026-02-09 07:45 +07:00", Due("2026-02-07 11:00 +07:00", "PT15M"));
    }

    [Fact]
    public void Add_FifteenMinutesFromSundayJustBeforeMidnight_IsDueMondayAt0745()
    {
        Assert.Equal("2026-02-09 07:45 +07:00", Due("2026-02-08 23:59 +07:00", "PT15M"));
    }

    [Fact]
    public void Add_FifteenMinutesFromSixInTheMorning_IsDueSameDayAt0745()
    {
        Assert.Equal("2026-02-03 07:45 +07:00", Due("2026-02-03 06:00 +07:00", "PT15M"));
    }

    [Fact]
    public void Add_FifteenMinutesStartedOnNyepi_IsDueOnTheFirstWorkingDayAfterTheIdulFitriLeave()
    {
        Assert.Equal("2026-03-25 07:45 +07:00", Due("2026-03-19 09:00 +07:00", "PT15M"));
    }

    [Fact]
    public void Add_FromExactlyClosingTime_StartsAtTheNextOpening()
    {
        // 16:00 is not office time (hours are half-open), so the day starts Friday 07:30.
        Assert.Equal("2026-02-06 07:45 +07:00", Due("2026-02-05 16:00 +07:00", "PT15M"));
        Assert.Equal("2026-02-09 07:30 +07:00", Due("2026-02-05 16:00 +07:00", "P1D"));
    }

    // --- Bug 3: "1 day" computed as 24 business hours ---

    [Fact]
    public void Add_OneDay_IsNextWorkingDaySameClockTime_Not24OfficeHours()
    {
        Assert.Equal("2026-02-04 10:00 +07:00", Due("2026-02-03 10:00 +07:00", "P1D"));
    }

    [Fact]
    public void Add_TwentyFourHours_CountsOfficeHoursAndSoDiffersFromOneDay()
    {
        // Tue 6 h + Wed 8.5 h + Thu 8.5 h = 23 h, the last hour on Friday.
        Assert.Equal("2026-02-06 08:30 +07:00", Due("2026-02-03 10:00 +07:00", "PT24H"));
    }

    // --- Friday's longer hours and closing times ---

    [Fact]
    public void Add_FifteenMinutesFromFriday1600_StaysOnFridayBecauseFridayClosesAt1630()
    {
        Assert.Equal("2026-02-06 16:15 +07:00", Due("2026-02-06 16:00 +07:00", "PT15M"));
    }

    [Fact]
    public void Add_FifteenMinutesFromFriday1620_CarriesTheRestToMonday()
    {
        Assert.Equal("2026-02-09 07:35 +07:00", Due("2026-02-06 16:20 +07:00", "PT15M"));
    }

    [Fact]
    public void Add_MinutesEndingExactlyAtMondayClosing_AreDueAt1600_NotAtTheNextOpening()
    {
        Assert.Equal("2026-02-09 16:00 +07:00", Due("2026-02-09 15:00 +07:00", "PT1H"));
        Assert.Equal("2026-02-09 16:00 +07:00", Due("2026-02-09 07:30 +07:00", "PT8H30M"));
    }

    [Fact]
    public void Add_MinutesEndingExactlyAtFridayClosing_AreDueAt1630()
    {
        Assert.Equal("2026-02-06 16:30 +07:00", Due("2026-02-06 16:00 +07:00", "PT30M"));
    }

    // --- Rule 2: clamp ---

    [Fact]
    public void Add_OneDayFromFriday1615_IsClampedToMondayClosing()
    {
        Assert.Equal("2026-02-09 16:00 +07:00", Due("2026-02-06 16:15 +07:00", "P1D"));
    }

    [Fact]
    public void Add_OneDayAndMinutesFromFriday1615_CountsTheMinutesFromMondayClosing()
    {
        Assert.Equal("2026-02-10 07:45 +07:00", Due("2026-02-06 16:15 +07:00", "P1DT15M"));
    }

    // --- Multi-day spans ---

    [Fact]
    public void Add_ThreeDays_SkipsKenaikanYesusKristusItsCutiBersamaAndTheWeekend()
    {
        // 14 May 2026 libur nasional, 15 May cuti bersama, 16–17 weekend.
        Assert.Equal("2026-05-20 09:00 +07:00", Due("2026-05-13 09:00 +07:00", "P3D"));
    }

    [Fact]
    public void Add_FiveDays_SkipsIdulAdhaItsCutiBersamaWaisakWeekendAndHariLahirPancasila()
    {
        // Working days: 26 May, 29 May, 2, 3 and 4 June 2026.
        Assert.Equal("2026-06-04 13:00 +07:00", Due("2026-05-25 13:00 +07:00", "P5D"));
    }

    [Fact]
    public void Add_OneHundredTwentyDays_LandsOnTheHundredTwentiethWorkingDayAtTheSameClockTime()
    {
        var start = Instant("2026-02-09 10:00 +07:00");
        var due = Wib.Add(start, WorkDuration.Parse("P120D"));

        var startDate = DateOnly.FromDateTime(start.DateTime);
        var dueDate = DateOnly.FromDateTime(due.DateTime);
        int workingDays = 0;
        for (var d = startDate.AddDays(1); d <= dueDate; d = d.AddDays(1))
        {
            workingDays += Wib.IsWorkingDay(d) ? 1 : 0;
        }

        Assert.Equal(120, workingDays);
        Assert.True(Wib.IsWorkingDay(dueDate));
        Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(due.DateTime));
    }

    // --- Year boundary ---

    [Fact]
    public void Add_TwoDaysFromNewYearsEve2026_SkipsTahunBaruAndIsraMikraj2027()
    {
        // 1 Jan 2027 libur nasional (Fri), weekend, 4 Jan working, 5 Jan Isra Mikraj, 6 Jan working.
        Assert.Equal("2027-01-06 10:00 +07:00", Due("2026-12-31 10:00 +07:00", "P2D"));
    }

    [Fact]
    public void Add_MinutesFromBeforeChristmas2026_SkipCutiBersamaAndNatal()
    {
        Assert.Equal("2026-12-28 08:30 +07:00", Due("2026-12-23 15:00 +07:00", "PT2H"));
    }

    // --- Zones and inputs ---

    [Theory]
    [InlineData("Asia/Jakarta", "+07:00")]
    [InlineData("Asia/Makassar", "+08:00")]
    [InlineData("Asia/Jayapura", "+09:00")]
    public void Add_AppliesTheSameLocalRulesInEveryIndonesianZone(string zone, string offset)
    {
        var calendar = WorkCalendar.ForZone(zone);
        Assert.Equal($"2026-02-09 07:45 {offset}", Due($"2026-02-06 20:00 {offset}", "PT15M", calendar: calendar));
        Assert.Equal($"2026-03-25 10:00 {offset}", Due($"2026-03-17 10:00 {offset}", "P1D", calendar: calendar));
    }

    [Fact]
    public void Add_SameInstantInWibWitaAndWit_GivesDifferentDueInstants()
    {
        // 00:15 UTC is 07:15 WIB (before opening), 08:15 WITA and 09:15 WIT (both office time).
        var start = Instant("2026-02-03 00:15 +00:00");
        var wib = Wib.Add(start, WorkDuration.FromMinutes(15));
        var wita = WorkCalendar.ForZone("Asia/Makassar").Add(start, WorkDuration.FromMinutes(15));
        var wit = WorkCalendar.ForZone("Asia/Jayapura").Add(start, WorkDuration.FromMinutes(15));

        Assert.Equal("2026-02-03 07:45 +07:00", Format(wib));
        Assert.Equal("2026-02-03 08:30 +08:00", Format(wita));
        Assert.Equal("2026-02-03 09:30 +09:00", Format(wit));
        Assert.Equal(TimeSpan.FromMinutes(15), wib - wita);
        Assert.Equal(TimeSpan.Zero, wita - wit);
    }

    [Fact]
    public void Add_AcceptsUtcInstants_AndAnswersInTheZoneOffset()
    {
        // 13:00 UTC on Friday is 20:00 WIB.
        Assert.Equal("2026-02-09 07:45 +07:00", Due("2026-02-06 13:00 +00:00", "PT15M"));
        Assert.Equal("2026-02-03 10:00 +07:00", Due("2026-02-03 03:00 +00:00", "PT0M"));
    }

    // --- Zero, calendar mode, guards ---

    [Fact]
    public void Add_ZeroDuration_ReturnsTheNormalisedStart()
    {
        Assert.Equal("2026-02-09 07:30 +07:00", Due("2026-02-06 20:00 +07:00", "PT0M"));
        Assert.Equal("2026-02-03 10:00 +07:00", Due("2026-02-03 10:00 +07:00", "PT0M"));
    }

    [Fact]
    public void Add_InCalendarMode_IsPlainElapsedTimeWithoutNormalisation()
    {
        Assert.Equal("2026-02-07 22:00 +07:00", Due("2026-02-06 20:00 +07:00", "P1DT2H", CalendarMode.Calendar));
        Assert.Equal("2026-02-07 11:15 +07:00", Due("2026-02-07 11:00 +07:00", "PT15M", CalendarMode.Calendar));
        Assert.Equal("2026-03-18 10:00 +07:00", Due("2026-03-17 10:00 +07:00", "P1D", CalendarMode.Calendar));
        Assert.Equal("2026-02-07 03:00 +07:00", Due("2026-02-06 13:00 +00:00", "PT7H", CalendarMode.Calendar));
    }

    [Fact]
    public void Add_NegativeDuration_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Wib.Add(Instant("2026-02-03 10:00 +07:00"), new WorkDuration(0, -15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Wib.Add(Instant("2026-02-03 10:00 +07:00"), new WorkDuration(-1, 0), CalendarMode.Calendar));
    }

    [Fact]
    public void Add_WithEveryDayClosed_ThrowsInsteadOfLoopingForever()
    {
        var closed = new WorkCalendar(Wib.TimeZone, OfficeHours.Create(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>()), HolidayCalendar.Empty);
        var start = Instant("2026-02-03 10:00 +07:00");

        var error = Assert.Throws<InvalidOperationException>(() => closed.Add(start, WorkDuration.FromMinutes(15)));
        Assert.Contains("no open day", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => closed.Add(start, WorkDuration.FromDays(1)));
        Assert.Throws<InvalidOperationException>(() => closed.NextOpening(start));
        Assert.Equal("2026-02-03 10:15 +07:00", Format(closed.Add(start, WorkDuration.FromMinutes(15), CalendarMode.Calendar)));
    }

    // --- Custom office hours ---

    private static readonly WorkCalendar SaturdayHalfDay = new(
        Wib.TimeZone,
        OfficeHours.Create(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>
        {
            [DayOfWeek.Monday] = (new(7, 30), new(16, 0)),
            [DayOfWeek.Tuesday] = (new(7, 30), new(16, 0)),
            [DayOfWeek.Wednesday] = (new(7, 30), new(16, 0)),
            [DayOfWeek.Thursday] = (new(7, 30), new(16, 0)),
            [DayOfWeek.Friday] = (new(7, 30), new(16, 30)),
            [DayOfWeek.Saturday] = (new(8, 0), new(12, 0)),
        }),
        HolidayCalendar.Indonesia);

    [Fact]
    public void Add_WithASaturdayHalfDay_CarriesFridayMinutesIntoSaturdayMorning()
    {
        Assert.Equal("2026-02-07 08:20 +07:00", Due("2026-02-06 16:20 +07:00", "PT30M", calendar: SaturdayHalfDay));
    }

    [Fact]
    public void Add_OneDayWithASaturdayHalfDay_LandsOnSaturdayAndClampsIntoItsHours()
    {
        Assert.Equal("2026-02-07 10:00 +07:00", Due("2026-02-06 10:00 +07:00", "P1D", calendar: SaturdayHalfDay));
        Assert.Equal("2026-02-07 12:00 +07:00", Due("2026-02-06 14:00 +07:00", "P1D", calendar: SaturdayHalfDay));
        Assert.Equal("2026-02-07 08:00 +07:00", Due("2026-02-06 07:45 +07:00", "P1D", calendar: SaturdayHalfDay));
    }

    [Fact]
    public void Add_WithASaturdayHalfDay_StillSkipsAHolidayOnSaturday()
    {
        // 21 Mar 2026 (Saturday) is Idul Fitri; the Saturday half-day does not open then.
        Assert.Equal("2026-03-25 07:45 +07:00", Due("2026-03-19 09:00 +07:00", "PT15M", calendar: SaturdayHalfDay));
    }
}
