using SakipServerless.Core.Calendar;

namespace SakipServerless.Core.Tests.Calendar;

public sealed class WorkDurationTests
{
    [Theory]
    [InlineData("PT15M", 0, 15)]
    [InlineData("PT1H", 0, 60)]
    [InlineData("PT1H30M", 0, 90)]
    [InlineData("P1D", 1, 0)]
    [InlineData("P120D", 120, 0)]
    [InlineData("P2DT4H", 2, 240)]
    [InlineData("PT480M", 0, 480)]
    public void TryParse_ReadsIsoDurations(string text, int days, int minutes)
    {
        Assert.True(WorkDuration.TryParse(text, out var d));
        Assert.Equal(new WorkDuration(days, minutes), d);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("15 Menit")]
    [InlineData("P1W")]
    [InlineData("PT1S")]
    [InlineData("1D")]
    [InlineData(null)]
    public void TryParse_RejectsWhatIsNotTheSchemaSubset(string? text)
    {
        Assert.False(WorkDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData("PT15M")]
    [InlineData("P1D")]
    [InlineData("P2DT1H5M")]
    public void ToString_RoundTrips(string text) => Assert.Equal(text, WorkDuration.Parse(text).ToString());
}
