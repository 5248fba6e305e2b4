namespace SakipServerless.Engine.Durable.Projection;

/// <summary>
/// What the store said to a projection write: written (now or by an earlier attempt), the run's creation refused because
/// its natural key is taken, or diverged: the projection holds a write this orchestration never committed, at
/// <paramref name="StoredVersion"/>, and the orchestration must rewrite it whole.
/// </summary>
/// <param name="Token">The <see cref="ProjectionWrite.Token"/> of the write this answers. A crashed host's lost episode
/// scheduled its write under the same task id as the recovery episode's, so its result can come back as the answer to
/// the recovery's write; the orchestration tells them apart by this and asks again.</param>
public sealed record ProjectionResult(bool Written, string? ExistingRunId = null, string? Message = null, bool Diverged = false, int? StoredVersion = null,
    string? Token = null)
{
    public static ProjectionResult Stored(ProjectionWrite write) => new(true, Token: write.Token);

    public static ProjectionResult DivergedAt(ProjectionWrite write, int storedVersion) => new(false, Diverged: true, StoredVersion: storedVersion, Token: write.Token);

    /// <summary>Whether this answers <paramref name="write"/>: results recorded before tokens existed answer any write.</summary>
    public bool Answers(ProjectionWrite write) => Token is null || write.Token is null || Token == write.Token;
}
