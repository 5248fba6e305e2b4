using SakipServerless.Importer.Table;

namespace SakipServerless.Importer.Tests.Table;

public sealed class HeaderlessLayoutGuesserTests
{
    [Fact]
    public void NumberedRows_WithADurationColumn_GiveALayout()
    {
        var layout = HeaderlessLayoutGuesser.Guess([
            "Judul",
            "1\tMenugaskan staf\t☐\t\tDisposisi\t15 Menit\tDisposisi",
            "2\tMenyusun laporan\t\t☐\tDisposisi\t1 Hari\tLaporan",
        ])!;

        Assert.True(layout.Guessed);
        Assert.Equal(1, layout.FirstRowLine);
        Assert.Equal(5, layout.Find(ColumnKind.Waktu)!.Index);
        Assert.Equal(4, layout.Find(ColumnKind.Kelengkapan)!.Index);
        Assert.Equal(6, layout.Find(ColumnKind.Output)!.Index);
        Assert.Equal(["Pelaksana 1", "Pelaksana 2"], layout.ActorColumns.Select(c => c.Title));
    }

    [Fact]
    public void NumberedLinesWithoutDurations_AreNoTable()
    {
        Assert.Null(HeaderlessLayoutGuesser.Guess(["1\tPeraturan Presiden\tNomor 29", "2\tPeraturan Menteri\tNomor 53"]));
    }
}
