namespace SakipServerless.Importer.Table;

/// <summary>What a procedure-table header cell says it is.</summary>
internal enum HeaderName
{
    Empty,
    Unknown,
    No,
    Activity,

    /// <summary>The "Pelaksana" label that spans the actor columns.</summary>
    Pelaksana,

    /// <summary>The "Mutu Baku" label that spans Kelengkapan, Waktu and Output.</summary>
    MutuBaku,
    Kelengkapan,
    Waktu,
    Output,
    Keterangan,
}
