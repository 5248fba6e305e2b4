using SakipServerless.Core.Periods;
using SakipServerless.Core.Templates;
using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Tests.Steps;

public sealed class StartScheduleReaderTests
{
    [Theory]
    [InlineData("Menugaskan Kasubag/Kasubid untuk menyusun Laporan data kinerja bidang setiap tanggal 10 awal Triwulan", PeriodKind.Triwulan, 10)]
    [InlineData("Mengumpulkan data setiap tanggal 5 awal semester", PeriodKind.Semester, 5)]
    [InlineData("Menyusun LKjIP pada tanggal 15 awal tahun", PeriodKind.Tahunan, 15)]
    [InlineData("Disposisi tiap tanggal 3 bulan pertama triwulan", PeriodKind.Triwulan, 3)]
    public void DayAtThePeriodsStart_IsASchedule_ForThePeriodJustEnded(string text, PeriodKind every, int day)
    {
        var schedule = StartScheduleReader.Read(text, out var phrase, out var problem);

        Assert.Null(problem);
        Assert.NotNull(schedule);
        Assert.Equal(every, schedule.Every);
        Assert.Equal(day, schedule.Day);
        Assert.Equal(SchedulePeriod.Previous, schedule.Serves);
        Assert.Null(schedule.Time);
        Assert.Equal(phrase, schedule.Source);
        Assert.Contains(phrase!, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Menyampaikan laporan paling lambat tanggal 5 bulan berikutnya", "paling lambat tanggal 5")]
    [InlineData("Rapat koordinasi setiap awal bulan", "setiap awal bulan")]
    [InlineData("Menugaskan penyusunan laporan setiap tanggal 31 awal triwulan", "tanggal 31")]
    public void ASchedulePhraseItCannotRead_IsReported_NotGuessed(string text, string quoted)
    {
        var schedule = StartScheduleReader.Read(text, out _, out var problem);

        Assert.Null(schedule);
        Assert.NotNull(problem);
        Assert.Contains(quoted, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Merekomendasikan laporan kinerja setiap triwulan dan menyusun laporan kinerja setiap tahun")]
    [InlineData("Membuat laporan data kinerja")]
    public void PeriodWordsWithoutADay_AreNoSchedule_AndNoWarning(string text)
    {
        Assert.Null(StartScheduleReader.Read(text, out _, out var problem));
        Assert.Null(problem);
    }
}
