using System.Text.Json;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Engine.Durable.Projection;

/// <summary>
/// One write of a run's projection: the run's state without its history, the history events this write adds, and an
/// optional idempotency record. The store's one atomic write then carries state, new history, outbox, unit
/// submissions and due key.
/// </summary>
/// <remarks>
/// Only the new events travel, not the whole history: activity inputs are kept in the orchestration's history, and a
/// full run per write grew it to 2.8 MB for one 30-unit collect step (63 writes of a 35 KB run); state and new events
/// take 1.4 MB. The activity takes the earlier events from the projection itself. The state of unit tasks is what
/// remains; continue-as-new bounds the history per generation.
/// </remarks>
/// <param name="HistoryBefore">How many events the projection holds before this write (0 for the run's creation).</param>
/// <param name="ExpectedVersion">The projected version it follows; null for the run's creation.</param>
public sealed record ProjectionWrite(string TenantId, string RunId, string StateJson, int HistoryBefore, IReadOnlyList<RunEvent> NewEvents,
    int Version, int? ExpectedVersion, IdempotencyRecord? Idempotency)
{
    public static ProjectionWrite Of(SopRun run, int historyBefore, int? expectedVersion, IdempotencyRecord? idempotency) =>
        new(run.TenantId, run.Id, RunJson.SerializeState(run), historyBefore, [.. run.History.Skip(historyBefore)], run.Version, expectedVersion, idempotency);

    public string ToJson() => JsonSerializer.Serialize(this, CoreJson.Options);

    public static ProjectionWrite Parse(string json) =>
        JsonSerializer.Deserialize<ProjectionWrite>(json, CoreJson.Options) ?? throw new JsonException("Penulisan proyeksi pelaksanaan SOP kosong.");

    /// <summary>
    /// Whether <paramref name="stored"/> already is this write: an earlier attempt of the activity succeeded, or the same
    /// transition was written by an episode of this orchestration that a host crash lost before its history was saved.
    /// </summary>
    /// <remarks>
    /// The lost episode decided at its own <c>CurrentUtcDateTime</c>, so its events carry other times (and due times,
    /// and wording that names them) than this episode's; the transition is the same when who did what to which step
    /// or unit, with what reason and level, is. The projection then keeps the first landing's times, and this
    /// orchestration's next write brings its state. A different transition is still a second writer's.
    /// </remarks>
    public bool IsStoredIn(SopRun stored) =>
        stored.Version == Version && stored.History.Count == HistoryBefore + NewEvents.Count
        && (NewEvents.Count == 0 || SameTransition(stored.History[^1], NewEvents[^1]));

    private static bool SameTransition(RunEvent stored, RunEvent written) =>
        stored == written
        || (stored.Seq, stored.Type, stored.ActorId, stored.StepId, stored.UnitId, stored.Reason, stored.EscalationLevel, stored.FileId)
        == (written.Seq, written.Type, written.ActorId, written.StepId, written.UnitId, written.Reason, written.EscalationLevel, written.FileId);
}
