using SakipServerless.Core.Templates;
using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Tests.Steps;

public sealed class IndonesianDurationParserTests
{
    [Theory]
    [InlineData("15 Menit", "PT15M")]
    [InlineData("2 Menit", "PT2M")]
    [InlineData("60 Menit", "PT60M")]
    [InlineData("1 Jam", "PT1H")]
    [InlineData("1 jam", "PT1H")]
    [InlineData("1 Hari", "P1D")]
    [InlineData("2 hari", "P2D")]
    [InlineData("120 hari", "P120D")]
    [InlineData("2 (dua) hari", "P2D")]
    [InlineData("1,5 jam", "PT90M")]
    [InlineData("setengah jam", "PT30M")]
    [InlineData("dua hari", "P2D")]
    [InlineData("Maksimal 3 hari kerja", "P3D")]
    [InlineData("30 mnt", "PT30M")]
    public void UnitsAsWritten_BecomeIsoDurations_KeepingTheUnit(string text, string iso)
    {
        var reading = IndonesianDurationParser.Parse(text);

        Assert.Equal(new StepDuration(iso), reading.Duration);
        Assert.Null(reading.Problem);
    }

    [Theory]
    [InlineData("480", "PT480M")]
    [InlineData("15", "PT15M")]
    [InlineData("60", "PT60M")]
    public void BareNumber_UnderWaktuMenit_CountsWorkingMinutes(string text, string iso)
    {
        Assert.Equal(new StepDuration(iso), IndonesianDurationParser.Parse(text, WaktuUnit.Minutes).Duration);
    }

    [Fact]
    public void BareNumber_UnderAHeaderInDays_CountsDays()
    {
        Assert.Equal(new StepDuration("P3D"), IndonesianDurationParser.Parse("3", WaktuUnit.Days).Duration);
    }

    [Fact]
    public void BareNumber_WithoutAUnitAnywhere_IsUnreadable_WithAReason()
    {
        var reading = IndonesianDurationParser.Parse("480");

        Assert.Null(reading.Duration);
        Assert.Contains("tanpa satuan", reading.Problem);
    }

    [Fact]
    public void PeriodDependentText_GivesOneDurationPerPeriod_WithTheQuarterlyOneAsDefault()
    {
        var reading = IndonesianDurationParser.Parse("1 Hari Untuk Penyusunan Laporan Triwulan dan 15 Hari untuk Laporan Kinerja Tahunan");

        Assert.Equal(new StepDuration("P1D", Tahunan: "P15D"), reading.Duration);
        Assert.Null(reading.Problem);
    }

    [Fact]
    public void PeriodNamedBeforeTheDuration_IsReadToo()
    {
        var reading = IndonesianDurationParser.Parse("Triwulan: 2 hari; Semester: 5 hari; Tahunan: 10 hari");

        Assert.Equal(new StepDuration("P2D", Semester: "P5D", Tahunan: "P10D"), reading.Duration);
    }

    [Fact]
    public void Range_TakesTheUpperBound_AndSaysSo()
    {
        var reading = IndonesianDurationParser.Parse("1-2 hari");

        Assert.Equal(new StepDuration("P2D"), reading.Duration);
        Assert.Contains("rentang", reading.Problem);
    }

    [Fact]
    public void Weeks_AreWorkingDays_AndSaysSo()
    {
        var reading = IndonesianDurationParser.Parse("1 minggu");

        Assert.Equal(new StepDuration("P5D"), reading.Duration);
        Assert.NotNull(reading.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Sesuai jadwal")]
    [InlineData("Tentatif")]
    [InlineData("0 menit")]
    public void Unreadable_GivesNoDuration_AndAReason(string text)
    {
        var reading = IndonesianDurationParser.Parse(text);

        Assert.Null(reading.Duration);
        Assert.False(string.IsNullOrWhiteSpace(reading.Problem));
    }

    [Fact]
    public void EveryReadDuration_IsValidForTheTemplateValidator()
    {
        foreach (var text in new[] { "15 Menit", "1,5 jam", "2 (dua) hari", "1 bulan", "0,5 hari", "1 Hari untuk triwulan dan 15 hari tahunan" })
        {
            var duration = IndonesianDurationParser.Parse(text).Duration!;
            Assert.All(duration.Parts(), p => Assert.True(Core.Calendar.WorkDuration.TryParse(p.Text, out var d) && !d.IsZero, p.Text));
        }
    }
}
