using SakipServerless.Core.Calendar;
using static SakipServerless.Core.Tests.Calendar.CalendarText;

namespace SakipServerless.Core.Tests.Calendar;

/// <summary>HolidayCalendar: the bundled SKB data, libur daerah, merging and the per-year file format.</summary>
public sealed class HolidayCalendarTests
{
    private const string MinimalYear = """
        {
          "year": 2030,
          "decree": "SKB contoh Tahun 2029",
          "decree_date": "2029-09-01",
          "revisions": [],
          "sources": ["https://example.invalid/skb-2030.pdf"],
          "libur_nasional": [ { "date": "2030-01-01", "name": "Tahun Baru 2030 Masehi" } ],
          "cuti_bersama": [ { "date": "2030-01-02", "name": "Tahun Baru 2030 Masehi" } ]
        }
        """;

    [Fact]
    public void Indonesia_CoversEveryBundledYearAndNoOther()
    {
        Assert.Equal([2025, 2026, 2027], HolidayCalendar.Indonesia.Years);
        Assert.True(HolidayCalendar.Indonesia.Covers(2026));
        Assert.False(HolidayCalendar.Indonesia.Covers(2024));
        Assert.False(HolidayCalendar.Indonesia.Covers(2028));
        Assert.Null(HolidayCalendar.Indonesia.DecreeFor(2028));
    }

    [Theory]
    [InlineData(2025, "Nomor 1017 Tahun 2024")]
    [InlineData(2026, "Nomor 1497 Tahun 2025")]
    [InlineData(2027, "Nomor 1205 Tahun 2026")]
    public void Indonesia_KeepsTheOfficialDecreeTextOfEachYear(int year, string number)
    {
        var decree = HolidayCalendar.Indonesia.DecreeFor(year);
        Assert.NotNull(decree);
        Assert.StartsWith("SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB", decree, StringComparison.Ordinal);
        Assert.Contains(number, decree, StringComparison.Ordinal);
        Assert.Contains($"Hari Libur Nasional dan Cuti Bersama Tahun {year}", decree, StringComparison.Ordinal);
    }

    [Fact]
    public void Indonesia_2025DecreeNamesTheAmendingSkb()
    {
        Assert.Contains("Nomor 933 Tahun 2025", HolidayCalendar.Indonesia.DecreeFor(2025), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, 17, 11)]
    [InlineData(2026, 17, 8)]
    [InlineData(2027, 18, 8)]
    public void Indonesia_HasAsManyEntriesPerYearAsTheSkb(int year, int liburNasional, int cutiBersama)
    {
        var entries = HolidayCalendar.Indonesia.Entries.Where(h => h.Date.Year == year).ToArray();
        Assert.Equal(liburNasional, entries.Count(h => h.Kind == HolidayKind.LiburNasional));
        Assert.Equal(cutiBersama, entries.Count(h => h.Kind == HolidayKind.CutiBersama));
        Assert.DoesNotContain(entries, h => h.Kind == HolidayKind.LiburDaerah);
    }

    [Fact]
    public void Indonesia_IsLoadedOnce()
    {
        Assert.Same(HolidayCalendar.Indonesia, HolidayCalendar.Indonesia);
    }

    [Theory]
    [InlineData("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)", HolidayKind.LiburNasional)]
    [InlineData("2026-03-20", "Idul Fitri 1447 Hijriah", HolidayKind.CutiBersama)]
    [InlineData("2025-08-18", "Proklamasi Kemerdekaan", HolidayKind.CutiBersama)]
    [InlineData("2027-01-05", "Isra Mikraj Nabi Muhammad S.A.W.", HolidayKind.LiburNasional)]
    [InlineData("2027-12-26", "Isra Mikraj Nabi Muhammad S.A.W.", HolidayKind.LiburNasional)]
    public void Find_ReturnsTheDecreesEntry(string date, string name, HolidayKind kind)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new Holiday(day, name, kind), HolidayCalendar.Indonesia.Find(day));
        Assert.True(HolidayCalendar.Indonesia.IsHoliday(day));
    }

    [Fact]
    public void Find_OnAnOrdinaryDay_IsNull()
    {
        Assert.Null(HolidayCalendar.Indonesia.Find(new DateOnly(2026, 2, 3)));
        Assert.False(HolidayCalendar.Indonesia.IsHoliday(new DateOnly(2026, 2, 3)));
    }

    [Fact]
    public void Empty_HasNoHolidaysAndNoYears()
    {
        Assert.Empty(HolidayCalendar.Empty.Years);
        Assert.Empty(HolidayCalendar.Empty.Entries);
        Assert.False(HolidayCalendar.Empty.IsHoliday(new DateOnly(2026, 3, 19)));
    }

    [Fact]
    public void With_ALiburDaerah_MakesThatDayOffWithoutChangingTheOriginal()
    {
        // An example regional holiday, not real data.
        var liburDaerah = new Holiday(new DateOnly(2026, 2, 10), "Hari jadi kabupaten (contoh)", HolidayKind.LiburDaerah);
        var pemda = HolidayCalendar.Indonesia.With([liburDaerah]);
        var calendar = new WorkCalendar(Wib.TimeZone, OfficeHours.Default, pemda);

        Assert.Equal(liburDaerah, pemda.Find(liburDaerah.Date));
        Assert.False(calendar.IsWorkingDay(liburDaerah.Date));
        Assert.Equal("2026-02-11 10:00 +07:00", Due("2026-02-09 10:00 +07:00", "P1D", calendar: calendar));
        Assert.Equal("2026-02-10 10:00 +07:00", Due("2026-02-09 10:00 +07:00", "P1D"));
        Assert.False(HolidayCalendar.Indonesia.IsHoliday(liburDaerah.Date));
        Assert.Equal(HolidayCalendar.Indonesia.Years, pemda.Years);
    }

    [Fact]
    public void With_ALiburDaerahOnANationalHoliday_KeepsBothAndFindsTheNationalOne()
    {
        var nyepi = new DateOnly(2026, 3, 19);
        var pemda = HolidayCalendar.Indonesia.With([new Holiday(nyepi, "Libur daerah (contoh)", HolidayKind.LiburDaerah)]);

        Assert.Equal(HolidayKind.LiburNasional, pemda.Find(nyepi)?.Kind);
        Assert.Equal(2, pemda.Entries.Count(h => h.Date == nyepi));
    }

    [Fact]
    public void With_AnUnnamedHoliday_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => HolidayCalendar.Empty.With([new Holiday(new DateOnly(2026, 2, 10), " ", HolidayKind.LiburDaerah)]));
    }

    [Fact]
    public void Merge_UnitesYearsAndDays_AndKeepsItsOwnDecreeForASharedYear()
    {
        var extra = HolidayCalendar.FromJson(MinimalYear);
        var merged = HolidayCalendar.Indonesia.Merge(extra);

        Assert.Equal([2025, 2026, 2027, 2030], merged.Years);
        Assert.True(merged.IsHoliday(new DateOnly(2030, 1, 2)));
        Assert.True(merged.IsHoliday(new DateOnly(2026, 3, 19)));
        Assert.Equal(HolidayCalendar.Indonesia.Entries.Count + 2, merged.Entries.Count);

        var other2030 = HolidayCalendar.FromJson(MinimalYear.Replace("SKB contoh Tahun 2029", "SKB lain", StringComparison.Ordinal));
        Assert.Equal("SKB contoh Tahun 2029", extra.Merge(other2030).DecreeFor(2030));
        Assert.Equal(extra.Entries.Count, extra.Merge(other2030).Entries.Count);
    }

    [Fact]
    public void FromJson_AValidYearFile_LoadsItsDecreeAndBothLists()
    {
        var year = HolidayCalendar.FromJson(MinimalYear);

        Assert.Equal([2030], year.Years);
        Assert.Equal("SKB contoh Tahun 2029", year.DecreeFor(2030));
        Assert.Equal(HolidayKind.LiburNasional, year.Find(new DateOnly(2030, 1, 1))?.Kind);
        Assert.Equal(HolidayKind.CutiBersama, year.Find(new DateOnly(2030, 1, 2))?.Kind);
    }

    [Theory]
    [InlineData("this is not json", "not valid JSON")]
    [InlineData("[]", "JSON object")]
    [InlineData("{'decree':'x','libur_nasional':[],'cuti_bersama':[]}", "\"year\"")]
    [InlineData("{'year':'2026','decree':'x','libur_nasional':[],'cuti_bersama':[]}", "\"year\"")]
    [InlineData("{'year':2026,'libur_nasional':[],'cuti_bersama':[]}", "\"decree\"")]
    [InlineData("{'year':2026,'decree':'x','libur_nasional':[]}", "\"cuti_bersama\"")]
    [InlineData("{'year':2026,'decree':'x','libur_nasional':{},'cuti_bersama':[]}", "\"libur_nasional\"")]
    [InlineData("{'year':2026,'decree':'x','libur_nasional':[{'date':'2026-02-30','name':'a'}],'cuti_bersama':[]}", "libur_nasional[0].date")]
    [InlineData("{'year':2026,'decree':'x','libur_nasional':[{'date':'19-03-2026','name':'a'}],'cuti_bersama':[]}", "yyyy-MM-dd")]
    [InlineData("{'year':2026,'decree':'x','libur_nasional':[],'cuti_bersama':[{'date':'2025-03-19','name':'a'}]}", "not in 2026")]
    [InlineData("{'year':2026,'decree':'x','libur_nasional':[{'date':'2026-03-19'}],'cuti_bersama':[]}", "name")]
    [InlineData("{'year':2026,'decree':'x','libur_nasional':[{'name':'a'}],'cuti_bersama':[]}", "no date")]
    [InlineData("{'year':2026,'decree':'x','libur_nasional':[{'date':'2026-03-19','name':'a'}],'cuti_bersama':[{'date':'2026-03-19','name':'a'}]}", "both")]
    [InlineData("{'year':2026,'decree':'x','libur_nasional':[{'date':'2026-03-19','name':'a'},{'date':'2026-03-19','name':'a'}],'cuti_bersama':[]}", "twice")]
    [InlineData("{'year':2026,'decree':'x','decree_date':'19 Sep 2025','libur_nasional':[],'cuti_bersama':[]}", "decree_date")]
    [InlineData("{'year':2026,'decree':'x','sources':'one','libur_nasional':[],'cuti_bersama':[]}", "sources")]
    public void FromJson_BadInput_ThrowsFormatExceptionSayingWhatIsWrong(string json, string expectedInMessage)
    {
        var error = Assert.Throws<FormatException>(() => HolidayCalendar.FromJson(json.Replace('\'', '"')));
        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }
}
