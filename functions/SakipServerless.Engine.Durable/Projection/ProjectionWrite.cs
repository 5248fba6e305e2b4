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
/// take 1.4 MB. The activity takes the earlier events from the projection itself, after checking that its last one is
/// <see cref="PreviousEvent"/>. A <see cref="Rewrite"/> carries the whole history instead: it is sent only when the
/// projection diverged (<see cref="ProjectionResult.Diverged"/>), which takes a host crash. The state of unit tasks
/// is what remains; continue-as-new bounds the history per generation.
/// </remarks>
/// <param name="HistoryBefore">How many events the projection holds before this write (0 for the run's creation and for a rewrite).</param>
/// <param name="ExpectedVersion">The projected version it follows; null for the run's creation.</param>
/// <param name="PreviousEvent">The last event before this write, as this orchestration committed it; null for the creation (and in inputs recorded before it existed).</param>
/// <param name="Rewrite">The whole run, replacing a diverged projection at <paramref name="ExpectedVersion"/>.</param>
/// <param name="Token">Names this write (what decided it, at which version); the activity's result echoes it, see <see cref="ProjectionResult.Token"/>.</param>
public sealed record ProjectionWrite(string TenantId, string RunId, string StateJson, int HistoryBefore, IReadOnlyList<RunEvent> NewEvents,
    int Version, int? ExpectedVersion, IdempotencyRecord? Idempotency, RunEvent? PreviousEvent = null, bool Rewrite = false, string? Token = null)
{
    public static ProjectionWrite Of(SopRun run, int historyBefore, int? expectedVersion, IdempotencyRecord? idempotency, string? decidedBy = null) =>
        new(run.TenantId, run.Id, RunJson.SerializeState(run), historyBefore, [.. run.History.Skip(historyBefore)], run.Version, expectedVersion, idempotency,
            historyBefore > 0 ? run.History[historyBefore - 1] : null, Token: decidedBy is null ? null : $"{decidedBy}@{run.Version}");

    /// <summary>The whole of <paramref name="run"/>, to replace a projection that diverged at <paramref name="storedVersion"/>.</summary>
    public ProjectionWrite Rewriting(SopRun run, int storedVersion) =>
        new(run.TenantId, run.Id, RunJson.SerializeState(run), 0, [.. run.History], run.Version, storedVersion, Idempotency, Rewrite: true,
            Token: Token is null ? null : $"{Token}/rewrite@{run.Version}");

    public string ToJson() => JsonSerializer.Serialize(this, CoreJson.Options);

    public static ProjectionWrite Parse(string json) =>
        JsonSerializer.Deserialize<ProjectionWrite>(json, CoreJson.Options) ?? throw new JsonException("Penulisan proyeksi pelaksanaan SOP kosong.");

    /// <summary>
    /// Whether <paramref name="stored"/> already holds this write: an earlier attempt of the activity succeeded (and
    /// maybe later writes of this orchestration followed it), or the same transition was written by an episode of this
    /// orchestration that a host crash lost before its history was saved.
    /// </summary>
    /// <remarks>
    /// The lost episode decided at its own <c>CurrentUtcDateTime</c>, so its events carry other times (and due times,
    /// and wording that names them) than this episode's; the transition is the same when who did what to which step
    /// or unit, with what reason and level, is. The projection then keeps the first landing's times, and this
    /// orchestration's next write brings its state.
    /// </remarks>
    public bool IsStoredIn(SopRun stored)
    {
        int end = HistoryBefore + NewEvents.Count;
        if (stored.History.Count < end || stored.Version < Version)
        {
            return false;
        }

        return NewEvents.Count == 0
            ? stored.Version == Version && stored.History.Count == end
            : SameTransition(stored.History[end - 1], NewEvents[^1]);
    }

    /// <summary>Whether this write follows <paramref name="stored"/>: at the expected version, with the history this orchestration committed before it.</summary>
    public bool Follows(SopRun stored) =>
        stored.Version == ExpectedVersion && stored.History.Count == HistoryBefore
        && (HistoryBefore == 0 || PreviousEvent is null || SameTransition(stored.History[^1], PreviousEvent));

    private static bool SameTransition(RunEvent stored, RunEvent written) =>
        stored == written
        || (stored.Seq, stored.Type, stored.ActorId, stored.StepId, stored.UnitId, stored.Reason, stored.EscalationLevel, stored.FileId)
        == (written.Seq, written.Type, written.ActorId, written.StepId, written.UnitId, written.Reason, written.EscalationLevel, written.FileId);
}
