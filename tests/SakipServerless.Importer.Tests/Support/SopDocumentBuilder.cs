namespace SakipServerless.Importer.Tests.Support;

/// <summary>
/// Builds small SOP documents in the exported format for tests: an identity block, a two-line table header
/// with the given actor columns (Kelengkapan, Waktu, Output, Keterangan under Mutu Baku) and tab-separated rows.
/// </summary>
public sealed class SopDocumentBuilder
{
    private readonly List<string> _head = ["PEMERINTAH KABUPATEN CONTOH", "DINAS CONTOH", "", "Nomor SOP\t: 01", "Nama SOP\t: SOP Uji"];
    private readonly List<string> _rows = [];
    private string[] _actors = ["Kepala Dinas", "Sekretaris", "Kasubag Perencanaan", "Staf"];
    private string _waktuHeader = "Waktu";

    public SopDocumentBuilder Actors(params string[] titles)
    {
        _actors = titles;
        return this;
    }

    public SopDocumentBuilder WaktuHeader(string header)
    {
        _waktuHeader = header;
        return this;
    }

    /// <summary>A step row; <paramref name="marks"/> holds one cell per actor column ("" for none).</summary>
    public SopDocumentBuilder Row(int no, string activity, string[]? marks = null, string kelengkapan = "Dokumen", string waktu = "1 Jam", string output = "Dokumen", string keterangan = "")
    {
        var cells = new List<string> { no.ToString(System.Globalization.CultureInfo.InvariantCulture), activity };
        cells.AddRange(Enumerable.Range(0, _actors.Length).Select(i => marks is not null && i < marks.Length ? marks[i] : ""));
        cells.AddRange([kelengkapan, waktu, output, keterangan]);
        _rows.Add(string.Join('\t', cells));
        return this;
    }

    /// <summary>A raw line in the table region, for malformed rows.</summary>
    public SopDocumentBuilder Line(string line)
    {
        _rows.Add(line);
        return this;
    }

    public string Build()
    {
        string top = "No\tKegiatan\tPelaksana" + new string('\t', _actors.Length) + "Mutu Baku\t\t\tKeterangan";
        string sub = "\t\t" + string.Join('\t', _actors) + $"\tKelengkapan\t{_waktuHeader}\tOutput\t";
        return string.Join('\n', [.. _head, "", top, sub, .. _rows]) + "\n";
    }

    public ImportResult Import() => SopImporter.Import(Build(), "uji.txt");
}
