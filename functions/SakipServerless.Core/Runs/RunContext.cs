using SakipServerless.Core.Calendar;
using SakipServerless.Core.Templates;

namespace SakipServerless.Core.Runs;

/// <summary>
/// What a run needs to decide a transition: its pinned template, the tenant's calendar, the escalation policy
/// and the current time. Passed in with each command so the aggregate holds no services and stays deterministic.
/// </summary>
public sealed record RunContext(SopTemplate Template, WorkCalendar Calendar, EscalationPolicy Policy, DateTimeOffset Now)
{
    public DateTimeOffset Add(DateTimeOffset from, WorkDuration duration) => Calendar.Add(from, duration, Template.Calendar);
}
