using SakipServerless.Core.Calendar;

namespace SakipServerless.Core.Runs;

/// <summary>
/// The escalation ladder: at the deadline, level 1 (assignee and supervisor notified, step marked late);
/// <see cref="Level2Grace"/> of working time later, level 2 (head of the OPD).
/// </summary>
public sealed record EscalationPolicy(WorkDuration Level2Grace)
{
    public static EscalationPolicy Default { get; } = new(WorkDuration.FromDays(1));
}
