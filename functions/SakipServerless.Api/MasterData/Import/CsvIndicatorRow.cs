using SakipServerless.Api.MasterData.Indicators;

namespace SakipServerless.Api.MasterData.Import;

/// <summary>A data row of the sheet read into a valid indicator draft.</summary>
public sealed record CsvIndicatorRow(int Row, IndicatorDraft Draft);
