namespace SakipServerless.Core.Runs;

/// <summary>A unit's reported value for one indicator in a submission.</summary>
public sealed record RealisasiEntry(string IndicatorId, decimal Value, string? Note = null);
