using SakipServerless.Core.Templates;
using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Tests.Steps;

public sealed class StepKindInferenceTests
{
    [Theory]
    [InlineData("Menugaskan Kasubag/Kasubid untuk menyusun Laporan data kinerja", StepKind.Disposition)]
    [InlineData("Memerintahkan Analis mengumpulkan bahan laporan kinerja", StepKind.Disposition)]
    [InlineData("Perintah untuk melakukan pengumpulan data kinerja", StepKind.Disposition)]
    [InlineData("Membentuk Tim dan memberi arahan", StepKind.Disposition)]
    [InlineData("Mendisposisikan surat permintaan data", StepKind.Disposition)]
    [InlineData("Mengumpulkan data laporan kinerja triwulan kepada subbag/seksi", StepKind.Collect)]
    [InlineData("Menghimpun data kinerja dan Menyusun konsep laporan", StepKind.Collect)]
    [InlineData("Melakukan pengumpulan data dari masing-masing bidang", StepKind.Collect)]
    [InlineData("Memeriksa laporan kinerja, jika disetujui diserahkan", StepKind.Review)]
    [InlineData("Menghimpun dan memvalidasi data kinerja", StepKind.Review)]
    [InlineData("Merekap laporan kinerja triwulan", StepKind.Rekap)]
    [InlineData("Melakukan rekapitulasi data kinerja", StepKind.Rekap)]
    [InlineData("Mensosialisasikan laporan kinerja triwulan kepada pejabat terkait", StepKind.Meeting)]
    [InlineData("Rapat Kepala Seksi dengan Kasubag Perenc", StepKind.Meeting)]
    [InlineData("Melakukan rapat intern dengan Tim", StepKind.Meeting)]
    [InlineData("Membuat laporan data kinerja", StepKind.Task)]
    [InlineData("Hasil Pengumpulan data", StepKind.Task)]
    [InlineData("Merekomendasikan laporan kinerja setiap triwulan", StepKind.Task)]
    [InlineData("Menyampaikan rekap capaian kepada Kepala Dinas", StepKind.Task)]
    [InlineData("Menyiapkan bahan rapat koordinasi", StepKind.Task)]
    public void ActivityText_GivesTheKind(string activity, StepKind kind)
    {
        Assert.Equal(kind, StepKindInference.Infer(activity));
    }
}
