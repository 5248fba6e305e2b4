namespace SakipServerless.Importer.Table;

/// <summary>The columns of a procedure table and where its rows start; <see cref="Guessed"/> when the table had no header.</summary>
internal sealed record TableLayout(int HeaderLine, int FirstRowLine, IReadOnlyList<TableColumn> Columns, bool Guessed = false)
{
    public IReadOnlyList<TableColumn> ActorColumns { get; } = [.. Columns.Where(c => c.Kind == ColumnKind.Actor)];

    public TableColumn? Find(ColumnKind kind) => Columns.FirstOrDefault(c => c.Kind == kind);

    public int Width => Columns.Count == 0 ? 0 : Columns.Max(c => c.Index) + 1;
}
