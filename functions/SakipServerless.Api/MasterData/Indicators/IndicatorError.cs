namespace SakipServerless.Api.MasterData.Indicators;

/// <summary>One problem of an indicator draft, with the field it concerns and a message in Bahasa Indonesia.</summary>
public sealed record IndicatorError(IndicatorField Field, string Message);
