using SakipServerless.Importer.Tests.Support;
using SakipServerless.Importer.Tests.Support.Docx;
using SakipServerless.Importer.Tests.Support.Pdf;

namespace SakipServerless.Importer.Tests.Office;

/// <summary>
/// Word and PDF files that are no readable SOP: each is refused with a message in Indonesian that says what is
/// wrong and what to send instead, and never with another exception.
/// </summary>
public sealed class MalformedOfficeFileTests
{
    private static SopImportException Refused(byte[] content, string name) =>
        Assert.Throws<SopImportException>(() => SopImporter.Import(content, name));

    [Fact]
    public void ADocxWithoutATable_SaysTheProcedureTableMustBeAWordTable()
    {
        var docx = SopDocxWriter.FromExport("PEMERINTAH KABUPATEN CONTOH\nNotulen Rapat Koordinasi\n1. Pembukaan\n2. Pembahasan\n");

        var error = Refused(docx, "notulen.docx");

        Assert.Contains("tidak memuat tabel", error.Message);
    }

    [Fact]
    public void ADocxWhoseTablesHoldNoProcedure_SaysNoProcedureTableWasFound()
    {
        var docx = SopDocxWriter.FromExport("Daftar Hadir\n\nNama\tJabatan\tTanda Tangan\nAni\tStaf\t\nBudi\tKasubag\t\n");

        var error = Refused(docx, "daftar-hadir.docx");

        Assert.Contains("Tabel prosedur tidak ditemukan di dokumen Word", error.Message);
    }

    [Fact]
    public void AScannedPdf_SaysItNeedsATextLayer_AndThatOcrIsNotSupported()
    {
        var error = Refused(ScannedPdf.PagesOfImages(3), "sop-pindaian.pdf");

        Assert.Contains("hasil pindai", error.Message);
        Assert.Contains("lapisan teks", error.Message);
        Assert.Contains("OCR", error.Message);
    }

    [Fact]
    public void APdfOfOnlyLines_SaysItHasNoTextLayer()
    {
        var error = Refused(ScannedPdf.OnlyLines(), "garis.pdf");

        Assert.Contains("tidak memiliki lapisan teks", error.Message);
    }

    [Fact]
    public void ARenamedExecutable_IsNamedAProgram_WhateverItsExtension()
    {
        var error = Refused(CraftedPackages.RenamedExecutable(), "sop.docx");

        Assert.Contains("program", error.Message);
    }

    [Fact]
    public void AZipBomb_IsRefusedBeforeItIsInflated()
    {
        var bomb = CraftedPackages.ZipBomb();
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        long before = GC.GetTotalAllocatedBytes(precise: true);

        var error = Refused(bomb, "sop.docx");

        Assert.Contains("zip bomb", error.Message);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 16L * 1024 * 1024, "the guard inflated the bomb");
    }

    [Fact]
    public void AnExcelWorkbook_IsNamedAsSuch()
    {
        var error = Refused(CraftedPackages.Spreadsheet(), "sop.docx");

        Assert.Contains("Excel", error.Message);
    }

    [Fact]
    public void ACutOffDocx_IsCalledDamaged()
    {
        var docx = SopDocxWriter.FromExport(new SopDocumentBuilder().Row(1, "Menyusun laporan", ["", "", "", "☑"]).Build());

        var error = Refused(docx[..(docx.Length / 2)], "terpotong.docx");

        Assert.Contains("rusak", error.Message);
    }

    [Fact]
    public void ACutOffPdf_IsCalledDamaged()
    {
        var pdf = ScannedPdf.OnlyLines();

        var error = Refused([.. pdf[..40], .. "garbage"u8.ToArray()], "terpotong.pdf");

        Assert.Contains("PDF", error.Message);
    }
}
