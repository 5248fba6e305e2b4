using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Tests.Text;

public sealed class DocumentCleanerTests
{
    [Fact]
    public void LineEndings_NonBreakingSpaces_AndPaddingLines_AreNormalised()
    {
        var lines = DocumentCleaner.CleanLines(" \r\n\u00a0\r\nNomor SOP\u00a0: 07\r\n  \t  \rAkhir");

        Assert.Equal(["", "", "Nomor SOP : 07", "", "Akhir"], lines);
    }

    [Fact]
    public void HyphenLookAlikes_BecomeHyphens_SoftHyphensVanish_DashesStay()
    {
        var line = Assert.Single(DocumentCleaner.CleanLines("masing\u2011masing Perundang\u2010undangan ka\u00adbupaten SOP \u2013 01"));

        Assert.Equal("masing-masing Perundang-undangan kabupaten SOP \u2013 01", line);
    }

    [Fact]
    public void Tabs_AreKept_IncludingLeadingAndTrailingOnes()
    {
        Assert.Equal(["\tTanggal Revisi\t", "1\tKegiatan\t\t"], DocumentCleaner.CleanLines("\tTanggal Revisi\t\n1\tKegiatan\t\t"));
    }

    [Fact]
    public void InlineFormatting_IsRemoved_ListTagsAreKeptInCanonicalForm()
    {
        var line = Assert.Single(DocumentCleaner.CleanLines("<b>Dasar Hukum</b> <OL style=\"list-style-type: none\"><LI>1. UU</li></ol> **Badan**"));

        Assert.Equal("Dasar Hukum <ol><li>1. UU</li></ol> Badan", line);
    }

    [Fact]
    public void Checkboxes_BecomeAMark_AndLineBreaksACellBreak()
    {
        var line = Assert.Single(DocumentCleaner.CleanLines("<input type=\"checkbox\"/>\tSurat<br/>Format"));

        Assert.Equal($"{DocumentCleaner.CheckboxMark}\tSurat{DocumentCleaner.CellBreak}Format", line);
    }

    [Fact]
    public void BinaryContent_HasAHighControlCharacterRatio()
    {
        Assert.True(DocumentCleaner.ControlCharacterRatio("\u0001\u0002\u0003abc") > 0.4);
        Assert.Equal(0, DocumentCleaner.ControlCharacterRatio("No\tKegiatan\r\n"));
    }
}
