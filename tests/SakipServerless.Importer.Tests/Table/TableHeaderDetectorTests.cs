using SakipServerless.Importer.Steps;
using SakipServerless.Importer.Table;

namespace SakipServerless.Importer.Tests.Table;

public sealed class TableHeaderDetectorTests
{
    private static List<(ColumnKind Kind, string Title)> Columns(TableLayout layout) =>
        [.. layout.Columns.Where(c => c.Kind != ColumnKind.Ignored).Select(c => (c.Kind, c.Title))];

    [Fact]
    public void PelaksanaSpan_NamesItsActorsOnTheNextLine_MutuBakuItsParts()
    {
        var layout = TableHeaderDetector.Detect([
            "intro",
            "No\tKegiatan\tPelaksana\t\t\tMutu Baku\t\t\tKeterangan",
            "\t\tKabid\tKasubid/ Kasubag\tAnalisis Data\tKelengkapan\tWaktu\tOutput\t",
            "1\tMenugaskan\t\t\t\tIndikator\t15 Menit\tDisposisi\t",
        ])!;

        Assert.Equal((1, 3), (layout.HeaderLine, layout.FirstRowLine));
        Assert.Equal(
            [(ColumnKind.No, "No"), (ColumnKind.Activity, "Kegiatan"), (ColumnKind.Actor, "Kabid"), (ColumnKind.Actor, "Kasubid/ Kasubag"), (ColumnKind.Actor, "Analisis Data"),
             (ColumnKind.Kelengkapan, "Kelengkapan"), (ColumnKind.Waktu, "Waktu"), (ColumnKind.Output, "Output"), (ColumnKind.Keterangan, "Keterangan")],
            Columns(layout));
    }

    [Fact]
    public void MutuBakuPartsOnTheTopLine_AndPersyaratanKelengkapan()
    {
        var layout = TableHeaderDetector.Detect([
            "No\tKegiatan\tPelaksana\t\tPersyaratan/ Kelengkapan\tWaktu\tOutput",
            "\t\tSekretaris\tStaf\t\t\t",
        ])!;

        Assert.Equal([ColumnKind.No, ColumnKind.Activity, ColumnKind.Actor, ColumnKind.Actor, ColumnKind.Kelengkapan, ColumnKind.Waktu, ColumnKind.Output], Columns(layout).Select(c => c.Kind));
    }

    [Theory]
    [InlineData("Uraian Prosedur")]
    [InlineData("Aktivitas")]
    [InlineData("Tahapan Kegiatan")]
    [InlineData("Uraian Kegiatan")]
    public void ActivityHeaderVariants_AreFound(string activity)
    {
        var layout = TableHeaderDetector.Detect([$"No.\t{activity}\tPelaksana\t\tMutu\t\t", "\t\tCamat\tStaf\tKelengkapan\tWaktu (menit)\tOuput"]);

        Assert.NotNull(layout);
        Assert.Equal(ColumnKind.Activity, layout.Columns[1].Kind);
        Assert.Equal(ColumnKind.Output, layout.Columns[6].Kind);
        Assert.Equal(WaktuUnit.Minutes, layout.Find(ColumnKind.Waktu)!.Unit);
    }

    [Fact]
    public void PelaksanaWithNothingNamedBelow_HoldsActorsInWords()
    {
        var layout = TableHeaderDetector.Detect(["No\tAktivitas\tPelaksana\tPersyaratan\tWaktu\tOutput\tKeterangan", "1\tMendisposisikan\tKepala Dinas\tSurat\t1 jam\tDisposisi\t"])!;

        Assert.Equal(ColumnKind.ActorText, layout.Columns[2].Kind);
        Assert.Empty(layout.ActorColumns);
        Assert.Equal(1, layout.FirstRowLine);
    }

    [Fact]
    public void ActorTitlesDirectlyInASingleHeaderLine_AreActorColumns()
    {
        var layout = TableHeaderDetector.Detect(["No\tKegiatan\tKepala Dinas\tSekretaris\tKelengkapan\tWaktu\tOutput"])!;

        Assert.Equal(["Kepala Dinas", "Sekretaris"], layout.ActorColumns.Select(c => c.Title));
    }

    [Fact]
    public void AnUnnamedColumnInsideThePelaksanaSpan_GetsAPlaceholderTitle()
    {
        var layout = TableHeaderDetector.Detect(["No\tKegiatan\tPelaksana\t\t\tMutu Baku\t\t", "\t\tCamat\t\tStaf\tKelengkapan\tWaktu\tOutput"])!;

        Assert.Equal(["Camat", "Pelaksana 1", "Staf"], layout.ActorColumns.Select(c => c.Title));
    }

    [Theory]
    [InlineData("No\tNama\tAlamat")]
    [InlineData("Kegiatan\tPelaksana\tWaktu")]
    [InlineData("Nomor SOP\t: 07")]
    [InlineData("1\tMenugaskan\t\t15 Menit")]
    public void LinesThatAreNoProcedureHeader_AreNotFound(string line)
    {
        Assert.Null(TableHeaderDetector.Detect([line]));
    }
}
