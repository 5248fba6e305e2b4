using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Seeding;

/// <summary>Whether a run shows a <see cref="DemoRunState"/> at a given moment, as the API's run list and views would show it.</summary>
internal static class DemoRunStates
{
    public static bool Holds(DemoRunState state, SopRun run, DateTimeOffset now)
    {
        if (state == DemoRunState.Completed)
        {
            return run.Status == RunStatus.Completed;
        }

        if (run.Status != RunStatus.Running || run.ActiveStep is not { } step)
        {
            return false;
        }

        int level = Math.Max(step.EscalationLevel, step.UnitTasks.Select(u => u.EscalationLevel).DefaultIfEmpty(0).Max());
        bool late = step.IsLate(now) || step.UnitTasks.Any(u => u.IsLate(now));
        return state switch
        {
            DemoRunState.OnTime => !late && level == 0,
            DemoRunState.Late => level == 1,
            DemoRunState.Escalated => level == 2,
            DemoRunState.ReturnedReview => !late && level == 0 && step.ReturnCount > 0 && run.History.Any(e => e.Type == RunEventType.StepReturned),
            DemoRunState.ReturnedUnit => !late && level == 0 && step.UnitTasks.Any(u => u.Status == UnitTaskStatus.Returned),
            _ => false,
        };
    }
}
