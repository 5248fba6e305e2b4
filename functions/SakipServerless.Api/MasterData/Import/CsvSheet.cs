namespace SakipServerless.Api.MasterData.Import;

/// <summary>What the reader made of a file: the valid rows, every error, and how the file was read (shown to the user).</summary>
public sealed record CsvSheet(
    IReadOnlyList<CsvIndicatorRow> Rows,
    IReadOnlyList<ImportRowError> Errors,
    string Separator,
    string Encoding,
    int HeaderRow,
    IReadOnlyList<string> IgnoredColumns);
