using SakipServerless.Core.Templates;
using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Tests.Steps;

public sealed class StepWhenInferenceTests
{
    [Theory]
    [InlineData("Mengumpulkan data laporan kinerja triwulan", StepWhen.Always)]
    [InlineData("Membuat laporan data kinerja", StepWhen.Always)]
    [InlineData("Merekomendasikan laporan kinerja setiap triwulan dan menyusun laporan kinerja setiap tahun", StepWhen.Always)]
    [InlineData("Merekap 2 (dua) laporan triwulan untuk menyusun laporan", StepWhen.SemesterEnd)]
    [InlineData("Merekap 2 (dua) laporan triwulan untuk menyusun laporan semesteran", StepWhen.SemesterEnd)]
    [InlineData("Menyusun laporan semester dan laporan tahunan", StepWhen.SemesterEnd)]
    [InlineData("Mensosialisasikan laporan semesteran", StepWhen.SemesterEnd)]
    [InlineData("Menyusun 2 (dua) Laporan semesteran menjadi laporan kinerja tahunan", StepWhen.YearEnd)]
    [InlineData("Menggabungkan 4 (empat) laporan triwulan", StepWhen.YearEnd)]
    [InlineData("Menyusun laporan kinerja tahunan", StepWhen.YearEnd)]
    public void ThePeriodOfTheProduct_DecidesWhenTheStepRuns(string activity, StepWhen when)
    {
        Assert.Equal(when, StepWhenInference.Infer(activity, out _));
    }
}
