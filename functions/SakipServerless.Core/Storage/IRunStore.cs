using SakipServerless.Core.Runs;

namespace SakipServerless.Core.Storage;

/// <summary>
/// Runs with their history, outbox and due index.
/// </summary>
/// <remarks>
/// <para>Every write of a run is atomic: the run (state and history), the notifications drained from its outbox, the
/// rows of its unit submissions, its due-index key and an optional idempotency record commit together or not at all.</para>
/// <para><see cref="SaveAsync"/> is guarded by the run's version: it succeeds only if the stored version is
/// <c>expectedVersion</c>, otherwise it throws <see cref="ConcurrencyConflictException"/> and writes nothing. Two sweepers,
/// or a sweeper and a person, can therefore never both apply a transition decided on the same state.</para>
/// <para><see cref="FindDueAsync"/> reads an index ordered by the next deadline, so its cost follows what is due,
/// not how many runs exist.</para>
/// </remarks>
public interface IRunStore
{
    /// <summary>Stores a new run; <see cref="RunAlreadyExistsException"/> when its tenant, OPD, template and period already have one.</summary>
    Task CreateAsync(SopRun run, IdempotencyRecord? idempotency = null, CancellationToken ct = default);

    Task<SopRun?> FindAsync(string tenantId, string runId, CancellationToken ct = default);

    /// <summary>Saves a transition applied to a run loaded at <paramref name="expectedVersion"/>.</summary>
    Task SaveAsync(SopRun run, int expectedVersion, IdempotencyRecord? idempotency = null, CancellationToken ct = default);

    /// <summary>
    /// Replaces the whole stored run, state and history, with <paramref name="run"/> when the stored version is
    /// <paramref name="storedVersion"/> (else <see cref="ConcurrencyConflictException"/>, nothing written), together with
    /// its outbox, submissions, due key and idempotency record, as <see cref="SaveAsync"/> does.
    /// </summary>
    /// <remarks>
    /// Only for a run with one writer whose stored projection holds a write that writer never committed (the durable
    /// engine after a host crash, see <c>WriteRunProjection</c>): the writer's run is the truth, and the stored tail
    /// after the last event they share is dropped. <paramref name="run"/> must be at a later version than the stored one.
    /// </remarks>
    Task RewriteAsync(SopRun run, int storedVersion, IdempotencyRecord? idempotency = null, CancellationToken ct = default);

    Task<IReadOnlyList<SopRun>> ListAsync(RunQuery query, CancellationToken ct = default);

    /// <summary>Runs whose next deadline is at or before <paramref name="now"/>, earliest first, across tenants.</summary>
    Task<IReadOnlyList<DueRun>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default);

    Task<IdempotencyRecord?> FindIdempotencyAsync(string tenantId, string key, CancellationToken ct = default);
}
