using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;

namespace SakipServerless.Engine.Durable.Commands;

/// <summary>What starting a run needs besides its template: the run's identity, its units and who starts it.</summary>
/// <param name="CommandId">The start's own command id, under which its outcome is reported.</param>
/// <param name="StartReason">A scheduled start's wording for the history; last and optional, so inputs recorded before it replay unchanged.</param>
public sealed record StartRunRequest(string CommandId, string RunId, string TenantId, string OpdId, Period Period, IReadOnlyList<OrgUnit> Units, ActorData StartedBy,
    string? IdempotencyKey = null, string? RequestHash = null, string? StartReason = null);
