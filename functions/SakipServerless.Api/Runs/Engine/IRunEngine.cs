using SakipServerless.Api.Auth;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;

namespace SakipServerless.Api.Runs.Engine;

/// <summary>
/// The engine seam: every change of a run (its start, each command, the deadline tick) goes through this port, so the
/// endpoints do not know whether the embedded engine or a durable orchestration applies it.
/// </summary>
/// <remarks>
/// Whatever the engine, a command answers with the same contract: 200 with the run's new state, or the problem+json
/// of the domain's refusal (404/403/409/422); a repeated <c>Idempotency-Key</c> gives the first answer again, and the
/// same key with another request is 422. The read side (<c>IRunStore</c>) is the same for both.
/// </remarks>
public interface IRunEngine
{
    /// <summary>Starts the run of an OPD for a period with the latest published version of its template; with a key, the 201 answer is stored with the run.</summary>
    /// <param name="startReason">Set by the scheduler: the schedule's wording, recorded in the run's start event; null for a start by hand.</param>
    /// <exception cref="Core.Storage.RunAlreadyExistsException">The OPD has a run of that template and period already.</exception>
    Task<(SopRun Run, RunView View)> StartAsync(AppUser user, Opd opd, Period period, string? idempotencyKey, string? requestHash, string? startReason, CancellationToken ct);

    /// <summary>Applies <paramref name="command"/> to the run as <paramref name="user"/>.</summary>
    /// <param name="fingerprint">The request as the client sent it: the same key with another fingerprint is refused.</param>
    Task<IResult> ExecuteAsync(AppUser user, string runId, string? idempotencyKey, object fingerprint, RunCommand command, CancellationToken ct);

    /// <summary>The deadline tick: escalates what is due now and returns how many escalations were applied.</summary>
    Task<int> ProcessDeadlinesAsync(CancellationToken ct);

    /// <summary>
    /// The application clock jumped ahead to <paramref name="now"/> (the development clock): runs that keep their own
    /// time catch up and escalate what is due by then. Returns how many runs changed; the embedded engine reads the
    /// application clock itself, so its sweep (<see cref="ProcessDeadlinesAsync"/>) is all it needs.
    /// </summary>
    Task<int> ClockMovedAsync(DateTimeOffset now, CancellationToken ct);
}
