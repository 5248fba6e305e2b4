using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// Something late right now: an active step past its due time, or a unit that has not sent (or must resend) its data.
/// Lateness is wall-clock time since the due time, which is what a reader means by "how long"; due times themselves
/// were computed in working time.
/// </summary>
/// <param name="Holder">Who must act: <c>step</c> (the assignee role) or <c>unit</c> (the unit's staff).</param>
/// <param name="LateMinutes">Whole minutes since <paramref name="DueAt"/>.</param>
/// <param name="LateLabel">The same in words, e.g. "1 hari 1 jam 45 menit".</param>
/// <param name="EscalationLevel">1 late (assignee and supervisor told), 2 escalated to the head of the OPD; 0 not yet swept.</param>
public sealed record OverdueItem(
    string RunId,
    string OpdId,
    string OpdName,
    string Period,
    string StepId,
    int StepNo,
    string? Activity,
    StepKind StepKind,
    string Holder,
    string? AssigneeRole,
    string? AssigneeTitle,
    string? UnitId,
    string? UnitName,
    DateTimeOffset DueAt,
    long LateMinutes,
    string LateLabel,
    int EscalationLevel);
