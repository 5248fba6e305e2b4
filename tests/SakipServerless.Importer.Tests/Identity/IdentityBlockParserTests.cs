using SakipServerless.Importer.Identity;

namespace SakipServerless.Importer.Tests.Identity;

public sealed class IdentityBlockParserTests
{
    [Fact]
    public void LabelTabColonValue_IsRead()
    {
        var block = IdentityBlockParser.Parse(["NOMOR SOP\t: 07", "TGL. PEMBUATAN\t: Pebruari 2022", "TGL. REVISI\t", "DISAHKAN OLEH\tKepala Badan  SYARBINI, SP", "NAMA SOP\tPengumpulan Data Kinerja"]);

        Assert.Equal(("07", "Pebruari 2022", (string?)null, "Kepala Badan SYARBINI, SP", "Pengumpulan Data Kinerja"), (block.Number, block.CreatedAt, block.RevisedAt, block.ApprovedBy, block.Title));
    }

    [Fact]
    public void LabelColonValue_OnOneCell_IsRead()
    {
        var block = IdentityBlockParser.Parse(["Nomor Standar Operasional Prosedur :10 Tahun 2023", "Tanggal Pembuatan : 7 Februari 2023", "Tanggal revisi :"]);

        Assert.Equal(("10 Tahun 2023", "7 Februari 2023", (string?)null), (block.Number, block.CreatedAt, block.RevisedAt));
    }

    [Fact]
    public void LetterheadColumn_LeftOfTheLabels_IsKeptAsHeadingLines()
    {
        var block = IdentityBlockParser.Parse(["SATUAN KERJA \tNomor SOP\tSOP – 01/BAPPEDALITBANG", "\tTanggal Pembuatan\t02 Juli 2023", "BAPPEDA\tDisahkan Oleh\tKepala BAPPEDALITBANG", "Kabupaten Balangan\tNama SOP\tSOP Mekanisme Pengumpulan Data Kinerja"]);

        Assert.Equal("SOP – 01/BAPPEDALITBANG", block.Number);
        Assert.Equal("02 Juli 2023", block.CreatedAt);
        Assert.Equal(["BAPPEDA", "Kabupaten Balangan"], block.HeadingLines);
        Assert.Equal("SOP Mekanisme Pengumpulan Data Kinerja", block.Title);
    }

    [Fact]
    public void ValueContinuedUnderAnEmptyFirstCell_IsJoined()
    {
        var block = IdentityBlockParser.Parse(["Disahkan Oleh\tCamat Samboja,", "\tBURHANUDDIN,S.Ag.,M.Si NIP. 19740330 199701 1 001", "", "SOP PENGUMPULAN DATA KINERJA"]);

        Assert.Equal("Camat Samboja, BURHANUDDIN,S.Ag.,M.Si NIP. 19740330 199701 1 001", block.ApprovedBy);
        Assert.Equal("SOP PENGUMPULAN DATA KINERJA", block.Title);
    }

    [Fact]
    public void EmptyApproval_IsFilledFromTheSignatureBlockBelow_EndingWithTheNip()
    {
        var block = IdentityBlockParser.Parse(["Disahkan Oleh :", "", "", "Inspektur,", "", "Hermawan Betiaji, S.IP., M.H.", "Pembina Utama Muda, IV/c", "NIP. 19740322 199311 1 001", "", "Standar Operasional Prosedur (SOP)", "Pengumpulan Data Kinerja"]);

        Assert.Equal("Inspektur, Hermawan Betiaji, S.IP., M.H. Pembina Utama Muda, IV/c NIP. 19740322 199311 1 001", block.ApprovedBy);
        Assert.Equal("Pengumpulan Data Kinerja", block.Title);
        Assert.Empty(block.HeadingLines);
    }

    [Fact]
    public void EmptyApproval_WithoutASignatureBelow_StaysEmpty()
    {
        var block = IdentityBlockParser.Parse(["Disahkan Oleh :", "", "Kabupaten Contoh"]);

        Assert.Null(block.ApprovedBy);
        Assert.Equal(["Kabupaten Contoh"], block.HeadingLines);
    }

    [Fact]
    public void NumbersInsideText_AreNoLabels()
    {
        var block = IdentityBlockParser.Parse(["Nomor 25 Tahun 2009 tentang Pelayanan Publik"]);

        Assert.Null(block.Number);
    }
}
