using SakipServerless.Api.MasterData.Import;

namespace SakipServerless.Api.Tests.MasterData;

/// <summary>The number notations found in pemda sheets, read the way their authors meant them.</summary>
public sealed class CsvValuesTests
{
    [Theory]
    [InlineData("87,5", "87.5")]
    [InlineData("87.5", "87.5")]
    [InlineData(" 90 % ", "90")]
    [InlineData("1.250,75", "1250.75")]
    [InlineData("1,250.75", "1250.75")]
    [InlineData("1.250.000", "1250000")]
    [InlineData("1 250", "1250")]
    [InlineData("-2,5", "-2.5")]
    [InlineData("0", "0")]
    [InlineData("", null)]
    [InlineData("-", null)]
    public void Numbers_InIndonesianOrEnglishNotation_AreRead(string cell, string? expected)
    {
        Assert.True(CsvValues.TryParseNumber(cell, out decimal? value));
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("delapan")]
    [InlineData("1.2.3")]
    [InlineData("1,2,3")]
    [InlineData("1.250,5,5")]
    [InlineData("12,")]
    [InlineData("1e3")]
    public void NotNumbers_AreRefused(string cell) => Assert.False(CsvValues.TryParseNumber(cell, out _));
}
