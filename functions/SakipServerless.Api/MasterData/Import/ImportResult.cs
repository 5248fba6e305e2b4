namespace SakipServerless.Api.MasterData.Import;

/// <summary>
/// The answer to an import or a dry run: counts, how the file was read, and each row's outcome. Indicators of the OPD
/// and year that the file does not mention are kept (<see cref="NotInFile"/>): an import adds and updates, it never deletes.
/// </summary>
public sealed record ImportResult(
    string OpdId,
    int Year,
    bool DryRun,
    int Created,
    int Updated,
    int Unchanged,
    int NotInFile,
    string Separator,
    string Encoding,
    int HeaderRow,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<ImportedRow> Rows);
