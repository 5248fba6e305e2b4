namespace SakipServerless.Engine.Durable.Projection;

/// <summary>
/// What the store said to a projection write: written (now or by an earlier attempt), the run's creation refused because
/// its natural key is taken, or diverged: the projection holds a write this orchestration never committed, at
/// <paramref name="StoredVersion"/>, and the orchestration must rewrite it whole.
/// </summary>
public sealed record ProjectionResult(bool Written, string? ExistingRunId = null, string? Message = null, bool Diverged = false, int? StoredVersion = null)
{
    public static ProjectionResult Stored { get; } = new(true);

    public static ProjectionResult DivergedAt(int storedVersion) => new(false, Diverged: true, StoredVersion: storedVersion);
}
