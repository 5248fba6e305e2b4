using SakipServerless.Engine.Durable.Commands;

namespace SakipServerless.Engine.Durable.Tests.Orchestration;

/// <summary>What the interpreter decided for one input: the projection write (by <see cref="RunTrace.Fingerprint"/>), the outcome, and the next timer.</summary>
public sealed record TraceDecision(string? WriteFingerprint, int? ExpectedVersion, CommandOutcome? Outcome, DateTimeOffset? NextDeadline);
