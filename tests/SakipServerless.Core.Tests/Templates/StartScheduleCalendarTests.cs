using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Templates;
using static SakipServerless.Core.Tests.Calendar.CalendarText;

namespace SakipServerless.Core.Tests.Templates;

/// <summary>The schedule maths on the real holiday calendar (the SKB data of 2025–2027) in WITA, Jeneponto's zone.</summary>
public sealed class StartScheduleCalendarTests
{
    private static readonly WorkCalendar Wita = WorkCalendar.ForZone("Asia/Makassar");

    // Seed 000: "setiap tanggal 10 awal Triwulan".
    private static readonly StartSchedule Tanggal10 = new() { Every = PeriodKind.Triwulan, Day = 10 };

    [Theory]
    [InlineData(2026, 4, "2026-04-10 07:30 +08:00", "2026-Q1")] // Friday: on the day, at opening
    [InlineData(2026, 7, "2026-07-10 07:30 +08:00", "2026-Q2")] // Friday
    [InlineData(2026, 10, "2026-10-12 07:30 +08:00", "2026-Q3")] // Saturday 10 October → Monday 12
    [InlineData(2027, 1, "2027-01-11 07:30 +08:00", "2026-Q4")] // Sunday 10 January → Monday 11; January serves the yearly report
    [InlineData(2026, 1, "2026-01-12 07:30 +08:00", "2025-Q4")] // Saturday 10 January 2026 → Monday 12
    public void Tanggal10AwalTriwulan_StartsAtTheNextOpening_ForThePeriodJustEnded(int year, int month, string startsAt, string period)
    {
        var start = StartScheduleCalendar.Occurrence(Tanggal10, Wita, year, month);

        Assert.Equal(startsAt, Format(start.StartsAt));
        Assert.Equal(period, start.Period.Key);
        Assert.Equal(new DateOnly(year, month, 10), start.NominalDate);
    }

    [Fact]
    public void ADayOfCutiBersama_MovesTheStartPastTheWholeHolidayBlock()
    {
        // 2 April 2025 is cuti bersama Idul Fitri 1446 H, and so are 3, 4 and 7 April; 5–6 April is a weekend.
        var schedule = new StartSchedule { Every = PeriodKind.Triwulan, Day = 2 };

        var start = StartScheduleCalendar.Occurrence(schedule, Wita, 2025, 4);

        Assert.Equal("2025-04-08 07:30 +08:00", Format(start.StartsAt));
        Assert.True(start.IsShifted);
        Assert.Equal(new Period(2025, 1), start.Period);
    }

    [Fact]
    public void ALiburNasional_OnTheDay_MovesTheStartToTheNextWorkingDay()
    {
        // 1 January 2027 (Friday) is Tahun Baru; the weekend follows.
        var schedule = new StartSchedule { Every = PeriodKind.Tahunan, Day = 1 };

        Assert.Equal("2027-01-04 07:30 +08:00", Format(StartScheduleCalendar.Occurrence(schedule, Wita, 2027, 1).StartsAt));
    }

    [Fact]
    public void ALiburDaerah_OfThePemda_MovesTheStartToo()
    {
        var holidays = HolidayCalendar.Indonesia.With([new Holiday(new DateOnly(2026, 7, 10), "Hari jadi kabupaten", HolidayKind.LiburDaerah)]);
        var calendar = WorkCalendar.ForZone("Asia/Makassar", holidays: holidays);

        Assert.Equal("2026-07-13 07:30 +08:00", Format(StartScheduleCalendar.Occurrence(Tanggal10, calendar, 2026, 7).StartsAt));
    }

    [Theory]
    [InlineData("09:00", "2026-04-10 09:00 +08:00")] // inside office hours: exactly then
    [InlineData("06:00", "2026-04-10 07:30 +08:00")] // before opening: the opening
    [InlineData("17:00", "2026-04-13 07:30 +08:00")] // after Friday's 16:30 closing: Monday's opening
    public void TheTimeOfDay_CountsInOfficeHours(string time, string startsAt)
    {
        var schedule = Tanggal10 with { Time = time };

        Assert.Equal(startsAt, Format(StartScheduleCalendar.Occurrence(schedule, Wita, 2026, 4).StartsAt));
    }

    [Fact]
    public void LatestDue_IsTheLastOccurrenceThatHasStarted_TheMomentItselfIncluded()
    {
        var april = Instant("2026-04-10 07:30 +08:00");

        Assert.Equal(new Period(2025, 4), StartScheduleCalendar.LatestDue(Tanggal10, Wita, april.AddMinutes(-1))!.Value.Period);
        Assert.Equal(new Period(2026, 1), StartScheduleCalendar.LatestDue(Tanggal10, Wita, april)!.Value.Period);
        Assert.Equal(new Period(2026, 1), StartScheduleCalendar.LatestDue(Tanggal10, Wita, Instant("2026-07-10 07:29 +08:00"))!.Value.Period);
    }

    [Fact]
    public void LatestDue_BeforeAShiftedStart_IsStillThePreviousOccurrence()
    {
        // Saturday 10 October 2026 has passed, but the start is Monday 12 October: on Sunday the July one is the latest.
        var sunday = Instant("2026-10-11 12:00 +08:00");

        Assert.Equal(new Period(2026, 2), StartScheduleCalendar.LatestDue(Tanggal10, Wita, sunday)!.Value.Period);
        Assert.Equal("2026-10-12 07:30 +08:00", Format(StartScheduleCalendar.Next(Tanggal10, Wita, sunday).StartsAt));
    }

    [Fact]
    public void Next_AfterTheLastOccurrenceOfAYear_IsJanuaryOfTheNext()
    {
        var next = StartScheduleCalendar.Next(Tanggal10, Wita, Instant("2026-12-07 12:00 +08:00"));

        Assert.Equal("2027-01-11 07:30 +08:00", Format(next.StartsAt));
        Assert.Equal(new Period(2026, 4), next.Period);
    }

    [Theory]
    [InlineData(PeriodKind.Semester, SchedulePeriod.Previous, new[] { "2025-Q4", "2026-Q2" })]
    [InlineData(PeriodKind.Semester, SchedulePeriod.Current, new[] { "2026-Q1", "2026-Q3" })]
    [InlineData(PeriodKind.Tahunan, SchedulePeriod.Previous, new[] { "2025-Q4" })]
    [InlineData(PeriodKind.Triwulan, SchedulePeriod.Current, new[] { "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4" })]
    public void EachCycle_StartsInItsFirstMonths_ForThePeriodItServes(PeriodKind every, SchedulePeriod serves, string[] periods)
    {
        var schedule = new StartSchedule { Every = every, Day = 15, Serves = serves };

        var served = schedule.Months().Select(m => StartScheduleCalendar.Occurrence(schedule, Wita, 2026, m).Period.Key);

        Assert.Equal(periods, served);
    }
}
