using SakipServerless.Core.Calendar;
using SakipServerless.Core.Templates;

namespace SakipServerless.Core.Runs;

/// <summary>
/// Builds the <see cref="RunContext"/> for a command from the injected <see cref="TimeProvider"/>, so the current
/// time has one source: the real clock in production, a manual one in tests and demos.
/// </summary>
public sealed class RunContextFactory(TimeProvider clock, EscalationPolicy? policy = null)
{
    public TimeProvider Clock { get; } = clock;

    public EscalationPolicy Policy { get; } = policy ?? EscalationPolicy.Default;

    public RunContext For(SopTemplate template, WorkCalendar calendar) => new(template, calendar, Policy, Clock.GetUtcNow());
}
