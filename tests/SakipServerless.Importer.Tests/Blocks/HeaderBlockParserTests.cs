using SakipServerless.Importer.Blocks;

namespace SakipServerless.Importer.Tests.Blocks;

public sealed class HeaderBlockParserTests
{
    [Fact]
    public void TwoBlocksSideBySide_TakeOneCellEach_AndAnEmptyCellGivesAnEmptyBlock()
    {
        string[] lines =
        [
            "Dasar Hukum\tKualifikasi Pelaksana",
            "<ol><li>1. UU 25/2009</li></ol>\t<ol><li>1. Memiliki kemampuan</li><li>2. Mengetahui tugas</li></ol>",
            "Keterkaitan\tPeralatan/Perlengkapan",
            "\t<ol><li>1. Komputer</li></ol>",
            "Peringatan\tPencatatan dan Pendataan",
            "Keterlambatan mempengaruhi pelaporan\tDisimpan sebagai data elektronik",
        ];

        var blocks = HeaderBlockParser.Parse(lines, HeaderBlockParser.FindFirstLabelLine(lines));

        Assert.Equal(["UU 25/2009"], blocks[HeaderBlockKind.LegalBasis]);
        Assert.Equal(["Memiliki kemampuan", "Mengetahui tugas"], blocks[HeaderBlockKind.Qualifications]);
        Assert.Empty(blocks[HeaderBlockKind.RelatedSops]);
        Assert.Equal(["Komputer"], blocks[HeaderBlockKind.Equipment]);
        Assert.Equal(["Keterlambatan mempengaruhi pelaporan"], blocks[HeaderBlockKind.Warnings]);
        Assert.Equal(["Disimpan sebagai data elektronik"], blocks[HeaderBlockKind.Records]);
    }

    [Fact]
    public void LabelAndListInOneCell_AreRead()
    {
        string[] lines = ["Dasar Hukum : <ol> <li>1. PP 79/2005</li> </ol>\tKualifikasi pelaksana : <ol> <li>1. Memahami peraturan</li> </ol>"];

        var blocks = HeaderBlockParser.Parse(lines, 0);

        Assert.Equal(["PP 79/2005"], blocks[HeaderBlockKind.LegalBasis]);
        Assert.Equal(["Memahami peraturan"], blocks[HeaderBlockKind.Qualifications]);
    }

    [Fact]
    public void OneBlockPerLabelLine_EndsAtTheBlankLineAfterItsContent()
    {
        string[] lines = ["Pencatatan dan Pendataan :", "", "Disimpan sebagai data elektronik dan manual", "", "DOKUMEN DASAR SOP", "SOP PENGUMPULAN DATA KINERJA"];

        var blocks = HeaderBlockParser.Parse(lines, 0);

        Assert.Equal(["Disimpan sebagai data elektronik dan manual"], blocks[HeaderBlockKind.Records]);
    }

    [Theory]
    [InlineData("Peralatan tulis kantor")]
    [InlineData("Peraturan Menteri Nomor 35")]
    [InlineData("Dasar hukumnya adalah")]
    public void TextThatOnlyStartsLikeALabel_IsNoLabel(string line)
    {
        Assert.Equal(-1, HeaderBlockParser.FindFirstLabelLine([line]));
    }

    [Theory]
    [InlineData("Kualifikasi pelaksanaan")]
    [InlineData("Peralatan / Perlengkapan :")]
    [InlineData("KETERKAITAN:")]
    public void LabelVariants_AreLabels(string line)
    {
        Assert.Equal(0, HeaderBlockParser.FindFirstLabelLine([line]));
    }
}
