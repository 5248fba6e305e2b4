namespace SakipServerless.Core.Runs;

/// <summary>Why a notification is sent.</summary>
public enum NotificationKind
{
    TaskAssigned,
    UnitTaskAssigned,
    StepReturned,
    UnitTaskReturned,
    StepLate,
    StepEscalated,
    UnitTaskLate,
    UnitTaskEscalated,
    RunSuspended,
    RunResumed,
    RunCompleted,
    RunTerminated,
}
