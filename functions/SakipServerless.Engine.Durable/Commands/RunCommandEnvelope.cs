using SakipServerless.Core.Runs.Commands;

namespace SakipServerless.Engine.Durable.Commands;

/// <summary>One command as an external event of a run's orchestration.</summary>
/// <param name="CommandId">Chosen by the sender, unique per command: a second event with the same id is dropped, so a
/// sender that is unsure whether its event arrived may simply raise it again.</param>
/// <param name="IdempotencyKey">The client's <c>Idempotency-Key</c>, if any: the outcome of an applied command is stored
/// under it in the same write as the transition, as the embedded engine does.</param>
/// <param name="RequestHash">The fingerprint stored with <paramref name="IdempotencyKey"/>.</param>
/// <param name="ClockTo">The application clock's time when it jumped ahead of the run's (the development clock of a local
/// or test deployment): the run's time continues from there before the command applies; a time not ahead changes nothing.</param>
public sealed record RunCommandEnvelope(string CommandId, ActorData Actor, RunCommand Command, string? IdempotencyKey = null, string? RequestHash = null,
    DateTimeOffset? ClockTo = null);
