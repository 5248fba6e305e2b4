using SakipServerless.Core.Calendar;

namespace SakipServerless.Core.Tests.Calendar;

/// <summary>OfficeHours: the default pemda schedule and validation of custom hours.</summary>
public sealed class OfficeHoursTests
{
    [Theory]
    [InlineData(DayOfWeek.Monday, "07:30", "16:00")]
    [InlineData(DayOfWeek.Thursday, "07:30", "16:00")]
    [InlineData(DayOfWeek.Friday, "07:30", "16:30")]
    public void Default_OpensMondayToFridayWithLongerFridays(DayOfWeek day, string open, string close)
    {
        Assert.True(OfficeHours.Default.TryGet(day, out var opens, out var closes));
        Assert.Equal(TimeOnly.Parse(open, System.Globalization.CultureInfo.InvariantCulture), opens);
        Assert.Equal(TimeOnly.Parse(close, System.Globalization.CultureInfo.InvariantCulture), closes);
    }

    [Theory]
    [InlineData(DayOfWeek.Saturday)]
    [InlineData(DayOfWeek.Sunday)]
    public void Default_IsClosedAtTheWeekend(DayOfWeek day)
    {
        Assert.False(OfficeHours.Default.TryGet(day, out _, out _));
    }

    [Fact]
    public void Create_OpeningAfterClosing_ThrowsArgumentExceptionNamingTheDayAndTimes()
    {
        var error = Assert.Throws<ArgumentException>(() => OfficeHours.Create(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>
        {
            [DayOfWeek.Monday] = (new(16, 0), new(7, 30)),
        }));
        Assert.Contains("Monday", error.Message, StringComparison.Ordinal);
        Assert.Contains("16:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("07:30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_OpeningEqualToClosing_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => OfficeHours.Create(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>
        {
            [DayOfWeek.Saturday] = (new(8, 0), new(8, 0)),
        }));
    }

    [Fact]
    public void Create_UndefinedDayOfWeek_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => OfficeHours.Create(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>
        {
            [(DayOfWeek)7] = (new(8, 0), new(12, 0)),
        }));
    }

    [Fact]
    public void Create_LeavesUnlistedDaysClosed()
    {
        var hours = OfficeHours.Create(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)> { [DayOfWeek.Saturday] = (new(8, 0), new(12, 0)) });
        Assert.True(hours.HasOpenDay);
        Assert.True(hours.TryGet(DayOfWeek.Saturday, out var open, out var close));
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(12, 0)), (open, close));
        Assert.False(hours.TryGet(DayOfWeek.Monday, out _, out _));
        Assert.Equal("Mon closed, Tue closed, Wed closed, Thu closed, Fri closed, Sat 08:00–12:00, Sun closed", hours.ToString());
    }

    [Fact]
    public void Create_WithNoDays_HasNoOpenDay()
    {
        Assert.False(OfficeHours.Create(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>()).HasOpenDay);
    }
}
