extern alias dashboard;
using dashboard::SakipServerless.Dashboard.Shared;

namespace SakipServerless.Dashboard.Tests.Unit;

/// <summary>Numbers as people type them and durations as they read them.</summary>
public sealed class IndonesianTextTests
{
    [Theory]
    [InlineData("95,5", 95.5)]
    [InlineData("95.5", 95.5)]
    [InlineData("1.250,75", 1250.75)]
    [InlineData("1,250.75", 1250.75)]
    [InlineData("1.250.000", 1250000)]
    [InlineData(" 80 % ", 80)]
    [InlineData("-3", -3)]
    public void TryParseNumber_ReadsIndonesianAndEnglishWriting(string text, double expected)
    {
        Assert.True(IndonesianText.TryParseNumber(text, out decimal value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("delapan")]
    [InlineData("9,5,1")]
    public void TryParseNumber_RefusesWhatIsNotANumber(string text) => Assert.False(IndonesianText.TryParseNumber(text, out _));

    [Fact]
    public void Countdown_SaysHowLongIsLeft_OrHowLate()
    {
        var due = new DateTimeOffset(2026, 11, 18, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal("sisa 2 jam 10 menit", IndonesianText.Countdown(due, due.AddMinutes(-130)));
        Assert.Equal("terlambat 1 hari 3 jam 5 menit", IndonesianText.Countdown(due, due.AddHours(27).AddMinutes(5)));
        Assert.Equal("sisa kurang dari 1 menit", IndonesianText.Countdown(due, due.AddSeconds(-20)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(475)]
    [InlineData(1440)]
    [InlineData(1625)]
    [InlineData(20_000)]
    public void Duration_ReadsLikeTheBackendsLatenessLabel(long minutes) =>
        Assert.Equal(SakipServerless.Api.Dashboard.DurationText.Of(minutes), IndonesianText.Duration(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void DueState_PrefersTheBackendsLateness_OverTheDashboardsArithmetic()
    {
        var due = new DateTimeOffset(2026, 11, 18, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal("terlambat 7 jam 55 menit", IndonesianText.DueState(due, due.AddMinutes(4), "7 jam 55 menit"));
        Assert.Equal("sisa 1 jam", IndonesianText.DueState(due, due.AddHours(-1), null));
    }

    [Fact]
    public void DateTime_IsShownInThePemdasZone()
    {
        var at = new DateTimeOffset(2026, 11, 18, 7, 50, 0, TimeSpan.Zero);
        var wit = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jayapura");
        Assert.Equal("Rab, 18 Nov 2026 16.50 WIT", IndonesianText.DateTime(at, wit, "WIT"));
    }
}
