using SakipServerless.Core.Runs;

namespace SakipServerless.Core.Storage;

/// <summary>
/// Runs as the dashboard reads them: state, steps with due and completion times and escalation, unit tasks with their
/// submissions. <see cref="SopRun.History"/>, <see cref="SopRun.Evidence"/> and <see cref="SopRun.Outbox"/> may be empty.
/// </summary>
/// <remarks>
/// An adapter may answer from a read model kept with each transition (Cosmos DB keeps one in the run item, written in the
/// same replace, so it is never behind the run) or simply from <see cref="IRunStore.ListAsync"/> (SQLite).
/// </remarks>
public interface IDashboardRunReader
{
    /// <summary>The runs of one tenant that match <paramref name="query"/>, ordered by OPD and period like <see cref="IRunStore.ListAsync"/>.</summary>
    Task<IReadOnlyList<SopRun>> ListAsync(RunQuery query, CancellationToken ct = default);
}
