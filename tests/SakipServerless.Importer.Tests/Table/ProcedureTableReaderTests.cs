using SakipServerless.Importer.Table;

namespace SakipServerless.Importer.Tests.Table;

public sealed class ProcedureTableReaderTests
{
    private static readonly string[] Header =
    [
        "No\tKegiatan\tPelaksana\t\tMutu Baku\t\t\tKeterangan",
        "\t\tSekretaris\tStaf\tKelengkapan\tWaktu\tOutput\t",
    ];

    private static (List<ProcedureRow> Rows, IReadOnlyList<string> Warnings) Read(params string[] rows)
    {
        string[] lines = [.. Header, .. rows];
        var warnings = new ImportWarnings();
        var read = ProcedureTableReader.Read(lines, TableHeaderDetector.Detect(lines)!, warnings);
        return (read, [.. warnings.ToList().Select(w => w.Message)]);
    }

    [Fact]
    public void Rows_AreReadByColumn_BlankLinesSkipped_SignatureBlockEndsTheTable()
    {
        var (rows, warnings) = Read("1\tMenyusun\t☐\t\tDraf\t1 jam\tLaporan\tcatatan", "", "2.\tMemeriksa\t\tYa\tLaporan\t15 Menit\tDisposisi\t", "", "Kepala Dinas", "", "NIP. 1970");

        Assert.Equal([(1, "Menyusun"), (2, "Memeriksa")], rows.Select(r => (r.No, r.Activity)));
        Assert.Equal(["☐", ""], rows[0].ActorCells);
        Assert.Equal(("Draf", "1 jam", "Laporan", "catatan"), (rows[0].Kelengkapan, rows[0].Waktu, rows[0].Output, rows[0].Keterangan));
        Assert.Empty(warnings);
    }

    [Fact]
    public void ALineWithAnEmptyFirstCell_ContinuesTheRowAbove()
    {
        var (rows, _) = Read("1\tMemverifikasi data;\tTidak\t\tKompilasi\t1 jam\tData\t", "\tdan dicatat dalam berita acara\t\t\tBerita acara\t\t\t");

        var row = Assert.Single(rows);
        Assert.Equal("Memverifikasi data; dan dicatat dalam berita acara", row.Activity);
        Assert.Contains("Berita acara", row.Kelengkapan);
    }

    [Fact]
    public void ARowWithTooFewCells_IsReadAsFarAsItGoes_WithAWarning()
    {
        var (rows, warnings) = Read("1\tMenyusun laporan");

        Assert.Equal(("Menyusun laporan", ""), (Assert.Single(rows).Activity, rows[0].Waktu));
        Assert.Contains(warnings, w => w.StartsWith("Langkah 1:", StringComparison.Ordinal) && w.Contains("kolom", StringComparison.Ordinal));
    }

    [Fact]
    public void ARowMissingEmptyActorCells_IsReadRightAligned()
    {
        var (rows, warnings) = Read("1\tMenyusun\tLaporan\t2 hari\tDraf\tcatatan");

        Assert.Equal(("Laporan", "2 hari", "Draf", "catatan"), (rows[0].Kelengkapan, rows[0].Waktu, rows[0].Output, rows[0].Keterangan));
        Assert.Contains(warnings, w => w.Contains("rata kanan", StringComparison.Ordinal));
    }

    [Fact]
    public void ARowWithoutItsTrailingKeterangan_NeedsNoWarning()
    {
        var (rows, warnings) = Read("1\tMenyusun\t☐\t\tDraf\t1 jam\tLaporan");

        Assert.Equal("1 jam", rows[0].Waktu);
        Assert.Empty(warnings);
    }

    [Fact]
    public void AHeaderRepeatedAfterAPageBreak_IsSkipped()
    {
        var (rows, _) = Read("1\tA\t☐\t\tX\t1 jam\tY\t", Header[0], "2\tB\t\t☐\tX\t1 jam\tY\t");

        Assert.Equal([1, 2], rows.Select(r => r.No));
    }
}
