namespace SakipServerless.Importer.Table;

/// <summary>One step row of the procedure table, its cells sorted by column kind (actor cells in column order).</summary>
internal sealed record ProcedureRow(
    int No,
    int Line,
    string Activity,
    IReadOnlyList<string> ActorCells,
    string ActorText,
    string Kelengkapan,
    string Waktu,
    string Output,
    string Keterangan);
