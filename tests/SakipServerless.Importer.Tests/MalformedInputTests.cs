using System.Text;
using SakipServerless.Importer.Tests.Support;

namespace SakipServerless.Importer.Tests;

/// <summary>Input that is not an SOP document raises a clear error; a damaged SOP document imports with warnings. Nothing crashes.</summary>
public sealed class MalformedInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n  ")]
    public void EmptyFile_IsNotAnSopDocument(string text)
    {
        var error = Assert.Throws<SopImportException>(() => SopImporter.Import(text));

        Assert.Contains("kosong", error.Message);
    }

    [Fact]
    public void BinaryGarbage_IsNotAnSopDocument()
    {
        var bytes = new byte[4096];
        new Random(20250101).NextBytes(bytes);

        var error = Assert.Throws<SopImportException>(() => SopImporter.Import(bytes, "foto.jpg"));

        Assert.Contains("biner", error.Message);
    }

    [Fact]
    public void TextWithoutAProcedureTable_IsNotAnSopDocument()
    {
        var error = Assert.Throws<SopImportException>(() => SopImporter.Import("Laporan Kinerja Instansi Pemerintah\nBab I Pendahuluan\n1. Latar belakang"));

        Assert.Contains("Tabel prosedur tidak ditemukan", error.Message);
    }

    [Fact]
    public void AHeaderWithoutRows_IsNotACompleteSopDocument()
    {
        var text = new SopDocumentBuilder().Build();

        var error = Assert.Throws<SopImportException>(() => SopImporter.Import(text));

        Assert.Contains("langkah bernomor", error.Message);
    }

    [Fact]
    public void ATableWithoutAHeader_IsReadFromItsRows_WithAWarning()
    {
        var text = "Nama SOP : Uji\n\n1\tMenugaskan Staf menyusun bahan\t☐\t\tDisposisi\t15 Menit\tDisposisi\n2\tMenyusun bahan laporan\t\t☐\tDisposisi\t1 Hari\tBahan\n";

        var result = SopImporter.Import(text);

        Assert.Equal(2, result.Template.Steps.Count);
        Assert.Equal("P1D", result.Step(2).Duration!.Default);
        Assert.Contains(result.Warnings, w => w.StartsWith("Judul tabel prosedur tidak ditemukan", StringComparison.Ordinal));
        result.AssertValidDraft();
    }

    [Fact]
    public void ARowWithTooFewCells_ImportsWithWarnings_AndNoDuration()
    {
        var result = new SopDocumentBuilder().Row(1, "Menyusun laporan").Line("2\tMemeriksa laporan").Import();

        Assert.Null(result.Step(2).Duration);
        Assert.Contains(result.WarningsFor(2), w => w.Contains("kolom", StringComparison.Ordinal));
        Assert.Contains(result.WarningsFor(2), w => w.Contains("Waktu kosong", StringComparison.Ordinal));
        result.AssertValidDraft();
    }

    [Fact]
    public void AnUnreadableDuration_IsWarned_AndWrittenAsNull()
    {
        var result = new SopDocumentBuilder().Row(1, "Menyusun laporan", waktu: "Sesuai jadwal pimpinan").Import();

        Assert.Null(result.Step(1).Duration);
        Assert.Contains(result.WarningsFor(1), w => w.Contains("Sesuai jadwal pimpinan", StringComparison.Ordinal));
        Assert.Contains("\"duration\": null", DraftTemplateJson.Serialize(result));
        result.AssertValidDraft();
    }

    [Fact]
    public void DuplicateStepNumbers_AreRenumbered_WithAWarning()
    {
        var result = new SopDocumentBuilder().Row(1, "Menyusun laporan").Row(1, "Memeriksa laporan").Import();

        Assert.Equal([1, 2], result.Template.Steps.Select(s => s.No));
        Assert.Contains(result.Warnings, w => w.Contains("dipakai lebih dari sekali", StringComparison.Ordinal));
        result.AssertValidDraft();
    }

    [Fact]
    public void AnEmptyActivity_GetsAPlaceholder_AndAWarning()
    {
        var result = new SopDocumentBuilder().Row(1, "").Import();

        Assert.False(string.IsNullOrWhiteSpace(result.Step(1).Activity));
        Assert.Contains(result.WarningsFor(1), w => w.Contains("uraian kegiatan kosong", StringComparison.Ordinal));
        result.AssertValidDraft();
    }

    [Fact]
    public void ATableWithoutAnyActors_StillValidatesAsADraft()
    {
        var text = "No\tKegiatan\tKelengkapan\tWaktu\tOutput\n1\tMenyusun laporan\tData\t1 hari\tLaporan\n";

        var result = SopImporter.Import(text);

        Assert.Empty(result.Step(1).Actors);
        Assert.Contains(result.Warnings, w => w.Contains("pelaksana setiap langkah perlu diisi manual", StringComparison.Ordinal));
        Assert.Contains(result.WarningsFor(1), w => w.Contains("tidak dapat ditentukan", StringComparison.Ordinal));
        result.AssertValidDraft();
    }

    [Fact]
    public void Latin1Text_ImportsWithAnEncodingWarning()
    {
        var text = new SopDocumentBuilder().Row(1, "Menyusun laporan café").Build();

        var result = SopImporter.Import(Encoding.Latin1.GetBytes(text), "lama.txt");

        Assert.Equal("Menyusun laporan café", result.Step(1).Activity);
        Assert.Contains(result.Warnings, w => w.Contains("Latin-1", StringComparison.Ordinal));
        Assert.Equal(result.Findings, result.Template.ImportWarnings);
    }
}
