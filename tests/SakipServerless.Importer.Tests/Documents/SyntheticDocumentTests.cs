using SakipServerless.Core.Templates;
using SakipServerless.Importer.Tests.Support;

namespace SakipServerless.Importer.Tests.Documents;

/// <summary>
/// SOP documents of other agencies in the same exported format but other variants (see Documents/): actors named
/// in a Pelaksana column or in Keterangan, Aktivitas / Tahapan Kegiatan / Uraian Kegiatan, Persyaratan,
/// "- " bullets, X / Mulai / Selesai marks, a Ya/Tidak decision, CRLF, NBSP and non-breaking hyphens.
/// </summary>
public sealed class SyntheticDocumentTests
{
    public static TheoryData<string> Files() => new(RepositoryFiles.DocumentFileNames());

    private static ImportResult Import(string file) => SopImporter.Import(File.ReadAllBytes(RepositoryFiles.Document(file)), file);

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryDocument_ImportsToAValidDraft_WithEveryStepTimed(string file)
    {
        var result = Import(file);

        result.AssertValidDraft();
        Assert.All(result.Template.Steps, s => Assert.NotNull(s.Duration));
        Assert.All(result.Template.Steps, s => Assert.NotEmpty(s.Actors));
        Assert.All(result.Steps, s => Assert.True(s.Actors is ActorSource.Marked or ActorSource.Named, $"step {s.No}: {s.Actors}"));
    }

    [Fact]
    public void PelaksanaColumnWithNames_Diskominfo()
    {
        var result = Import("diskominfo-palu-pelaksana-bernama.txt");
        var t = result.Template;

        Assert.Equal("Pengumpulan Data Kinerja Triwulanan", t.Title);
        Assert.Equal(new SopAgency("Dinas Komunikasi, Informatika dan Persandian", null, "Kota Palu"), t.Agency);
        Assert.Equal(new SopDocument("800/045/DISKOMINFO/2024", "3 Januari 2024", null, "10 Januari 2024", "Kepala Dinas Komunikasi, Informatika dan Persandian", "diskominfo-palu-pelaksana-bernama.txt"), t.Document);
        Assert.Equal(["Komputer dan printer", "Surat elektronik dinas"], t.Equipment);
        Assert.Equal(["Disimpan dalam folder bersama dan arsip kertas"], t.Records);
        Assert.Equal(["Kepala Dinas", "Sekretaris", "Kasubag Perencanaan dan Keuangan", "Staf Perencanaan"], t.Roles.Select(r => r.Title));
        Assert.Equal(
            [StepKind.Disposition, StepKind.Task, StepKind.Collect, StepKind.Review, StepKind.Rekap, StepKind.Task],
            t.Steps.Select(s => s.Kind));
        Assert.Equal(["PT1H", "PT30M", "P3D", "P1D", "P2D", "PT30M"], t.Steps.Select(s => s.Duration!.Default));
        Assert.Equal(["Surat permintaan data", "Formulir capaian"], result.Step(3).Kelengkapan);
        Assert.Contains("masing-masing bidang", result.Step(2).Activity);
        Assert.Equal(["Sekretaris", "Kasubag Perencanaan dan Keuangan"], result.ActorTitles(4));
        Assert.Equal(3, result.ReturnNo(4));
        Assert.Null(result.Step(1).Note);
        Assert.Equal("Selesai", result.Step(6).Note);
        Assert.Equal(6, t.Steps.Count);
    }

    [Fact]
    public void MarkedColumnsAndADecision_Dinkes()
    {
        var result = Import("dinkes-sigi-tahapan-kegiatan.txt");
        var t = result.Template;

        Assert.Equal("Pengumpulan Data Capaian Kinerja Program Kesehatan", t.Title);
        Assert.Equal(new SopAgency("Dinas Kesehatan", null, "Kabupaten Sigi"), t.Agency);
        Assert.Equal("Kepala Dinas Kesehatan dr. NAMA CONTOH, M.Kes", t.Document!.ApprovedBy);
        Assert.Null(t.Document.RevisedAt);
        Assert.Equal(["Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah", "Peraturan Menteri PANRB Nomor 53 Tahun 2014"], t.LegalBasis);
        Assert.Equal(["SOP Penyusunan Rencana Kerja", "SOP Penyusunan LKjIP"], t.RelatedSops);
        Assert.Equal(["Komputer", "Aplikasi e-SAKIP", "Jaringan internet"], t.Equipment);
        Assert.Equal(["Disimpan dalam aplikasi e-SAKIP dan arsip kertas"], t.Records);
        Assert.Equal(["kepala-dinas", "sekretaris", "kasubag-program", "pengelola-data-bidang"], t.Roles.Select(r => r.Id));

        Assert.Equal(
            [StepKind.Disposition, StepKind.Disposition, StepKind.Task, StepKind.Collect, StepKind.Review, StepKind.Task, StepKind.Task],
            t.Steps.Select(s => s.Kind));
        Assert.Equal(["Kepala Dinas"], result.ActorTitles(1));
        Assert.Equal(["Sekretaris"], result.ActorTitles(2));
        Assert.Equal(["Pengelola Data Bidang"], result.ActorTitles(3));
        Assert.Equal(["Kasubag Program"], result.ActorTitles(4));
        Assert.Equal("Sekretaris", result.ActorTitles(5)[0]);
        Assert.Contains("Pengelola Data Bidang", result.ActorTitles(5));
        Assert.Equal(3, result.ReturnNo(5));
        Assert.Equal(["Kepala Dinas"], result.ActorTitles(7));

        Assert.Equal(["Surat edaran", "Format capaian"], result.Step(1).Kelengkapan);
        Assert.EndsWith("dan hasilnya dicatat dalam berita acara", result.Step(5).Activity);
        Assert.Equal(["PT1H", "PT1H", "P2D", "P2D", "PT90M", "P3D", "PT30M"], t.Steps.Select(s => s.Duration!.Default));
        Assert.Contains(result.WarningsFor(4), w => w.Contains("rentang", StringComparison.Ordinal));
        Assert.Equal("setiap bidang mengisi formatnya", result.Step(3).Note);
    }

    [Fact]
    public void ActorsInKeterangan_Kecamatan()
    {
        var result = Import("kecamatan-bontang-utara-pelaksana-di-keterangan.txt");
        var t = result.Template;

        Assert.Equal("Penghimpunan Data Kinerja Kelurahan", t.Title);
        Assert.Equal(new SopAgency("Kecamatan Bontang Utara", null, "Kota Bontang"), t.Agency);
        Assert.Equal(2, t.LegalBasis.Count);
        Assert.Equal(["Data kelurahan yang tidak lengkap menghambat penyusunan LKjIP kecamatan"], t.Warnings);
        // No columns give the order, so roles are ranked by office: head, secretary, section head, staff.
        Assert.Equal(["Camat", "Sekretaris Kecamatan", "Kasi Pemerintahan", "Staf Kecamatan"], t.Roles.Select(r => r.Title));
        Assert.Contains(result.Warnings, w => w.Contains("dibaca dari kolom Keterangan", StringComparison.Ordinal));

        Assert.Equal([StepKind.Task, StepKind.Collect, StepKind.Review, StepKind.Meeting, StepKind.Rekap, StepKind.Task], t.Steps.Select(s => s.Kind));
        Assert.Equal(["Sekretaris Kecamatan"], result.ActorTitles(1));
        Assert.Equal(["Kasi Pemerintahan"], result.ActorTitles(2));
        Assert.Equal(["Sekretaris Kecamatan", "Kasi Pemerintahan"], result.ActorTitles(3));
        Assert.Equal(2, result.ReturnNo(3));
        Assert.Equal(["Camat", "Sekretaris Kecamatan", "Kasi Pemerintahan"], result.ActorTitles(4));
        Assert.Equal(StepWhen.SemesterEnd, result.Step(5).When);
        Assert.Equal(["Camat"], result.ActorTitles(6));
        Assert.Equal(["P1D", "P5D", "PT2H", "PT2H", "P2D", "PT15M"], t.Steps.Select(s => s.Duration!.Default));
    }
}
