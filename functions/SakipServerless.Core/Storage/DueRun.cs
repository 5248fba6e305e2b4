namespace SakipServerless.Core.Storage;

/// <summary>An entry of the due index: a run whose next deadline has passed.</summary>
public sealed record DueRun(string TenantId, string RunId, DateTimeOffset DueAt);
