namespace SakipServerless.Api.MasterData.Import;

/// <summary>A problem found in an imported file: the row as Excel numbers it, the column as the file names it, and what is wrong.</summary>
public sealed record ImportRowError(int Row, string? Column, string Message);
