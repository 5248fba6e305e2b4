namespace SakipServerless.Engine.Durable.Projection;

/// <summary>What the store said to a projection write: written (now or by an earlier attempt), or the run's creation refused because its natural key is taken.</summary>
public sealed record ProjectionResult(bool Written, string? ExistingRunId = null, string? Message = null);
