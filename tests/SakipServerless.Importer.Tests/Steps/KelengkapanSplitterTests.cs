using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Tests.Steps;

public sealed class KelengkapanSplitterTests
{
    [Theory]
    [InlineData("Disposisi, Rencana Aksi, PK", new[] { "Disposisi", "Rencana Aksi", "PK" })]
    [InlineData("Dokumen; Formulir", new[] { "Dokumen", "Formulir" })]
    [InlineData("- Surat edaran - Format capaian", new[] { "Surat edaran", "Format capaian" })]
    [InlineData("Surat edaran\u2028Format capaian", new[] { "Surat edaran", "Format capaian" })]
    [InlineData("Data Kinerja yang sudah di paraf", new[] { "Data Kinerja yang sudah di paraf" })]
    [InlineData("-", new string[0])]
    [InlineData("", new string[0])]
    public void Cell_SplitsIntoItems(string cell, string[] items)
    {
        Assert.Equal(items, KelengkapanSplitter.Split(cell));
    }

    [Fact]
    public void ItemsWrittenWithoutComma_AreSplit_WhenBothHalvesAreNamedElsewhere()
    {
        var result = KelengkapanSplitter.SplitJoined(["Disposisi Perjanjian Kinerja", "Kinerja Aksi"], ["Disposisi"], ["Disposisi", "Perjanjian Kinerja", "Rencana aksi"], out var splits);

        Assert.Equal(["Disposisi", "Perjanjian Kinerja", "Kinerja Aksi"], result);
        Assert.Equal(("Disposisi Perjanjian Kinerja", "Disposisi", "Perjanjian Kinerja"), Assert.Single(splits));
    }

    [Fact]
    public void AnItemThatIsItselfAnOutput_IsNeverSplit()
    {
        var result = KelengkapanSplitter.SplitJoined(["Draft Laporan Kinerja"], ["Draft Laporan Kinerja"], ["Draft", "Laporan Kinerja"], out var splits);

        Assert.Equal(["Draft Laporan Kinerja"], result);
        Assert.Empty(splits);
    }

    [Fact]
    public void HalvesNotNamedElsewhere_StayOneItem()
    {
        var result = KelengkapanSplitter.SplitJoined(["Bahan Laporan"], [], ["Laporan Kinerja"], out _);

        Assert.Equal(["Bahan Laporan"], result);
    }
}
