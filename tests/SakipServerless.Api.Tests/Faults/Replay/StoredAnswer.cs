namespace SakipServerless.Api.Tests.Faults.Replay;

/// <summary>An idempotent answer as stored: which run, at which version, with which status code.</summary>
public sealed record StoredAnswer(string RunId, int Version, int StatusCode);
