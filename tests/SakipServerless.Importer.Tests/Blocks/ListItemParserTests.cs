using SakipServerless.Importer.Blocks;

namespace SakipServerless.Importer.Tests.Blocks;

public sealed class ListItemParserTests
{
    [Fact]
    public void HtmlListItems_AreItems_NumbersStripped_EmptyItemsDropped_TrailingTextKept()
    {
        var items = ListItemParser.Split("<ol> <li>1. Kepala OPD : Lembar disposisi</li> <li>2. Paraf</li> <li>7.</li> </ol> Setiap tahap terdokumentasi");

        Assert.Equal(["Kepala OPD : Lembar disposisi", "Paraf", "Setiap tahap terdokumentasi"], items);
    }

    [Fact]
    public void NumberedItemsRunTogether_AreSplitOnlyInSequence()
    {
        var items = ListItemParser.Split("<ol> 1. PermenPAN dan RB No. 53 Tahun 2014 tentang Juknis 2. Memiliki kemampuan 3. Memahami tugas ");

        Assert.Equal(["PermenPAN dan RB No. 53 Tahun 2014 tentang Juknis", "Memiliki kemampuan", "Memahami tugas"], items);
    }

    [Fact]
    public void OneNumberedItemPerLine_WithAWrappedLine()
    {
        var items = ListItemParser.Split("1. Peraturan Presiden Nomor 29\nTahun 2014\n2. Peraturan Menteri");

        Assert.Equal(["Peraturan Presiden Nomor 29 Tahun 2014", "Peraturan Menteri"], items);
    }

    [Fact]
    public void DashBullets_AreItems()
    {
        Assert.Equal(["Komputer", "Aplikasi e-SAKIP"], ListItemParser.Split("- Komputer\n- Aplikasi e-SAKIP"));
        Assert.Equal(["Komputer", "Printer"], ListItemParser.Split("- Komputer - Printer"));
    }

    [Fact]
    public void PlainLines_AreOneItemEach()
    {
        Assert.Equal(["Disimpan sebagai data elektronik dan manual"], ListItemParser.Split("Disimpan sebagai data elektronik dan manual"));
    }
}
