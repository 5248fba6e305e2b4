using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Table;

/// <summary>One column of the procedure table: its position, what it holds, its header text and, for Waktu, its unit.</summary>
internal sealed record TableColumn(int Index, ColumnKind Kind, string Title, WaktuUnit Unit = WaktuUnit.Unspecified);
