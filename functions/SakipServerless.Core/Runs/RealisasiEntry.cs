namespace SakipServerless.Core.Runs;

/// <summary>A unit's reported value for one indicator in a submission.</summary>
/// <param name="Warning">Why the value looked implausible when it was sent, which the submitter confirmed; shown to the reviewer.</param>
public sealed record RealisasiEntry(string IndicatorId, decimal Value, string? Note = null, string? Warning = null);
