namespace SakipServerless.Importer.Table;

/// <summary>What a column of the procedure table holds.</summary>
internal enum ColumnKind
{
    Ignored,
    No,
    Activity,

    /// <summary>One Pelaksana column named after a role; rows mark it (checkbox, arrow, Mulai, Ya/Tidak …).</summary>
    Actor,

    /// <summary>A single Pelaksana column whose cells name the actor in words.</summary>
    ActorText,
    Kelengkapan,
    Waktu,
    Output,
    Keterangan,
}
