namespace SakipServerless.Core.Runs;

/// <summary>Lifecycle of one step instance within a run.</summary>
public enum StepStatus
{
    /// <summary>Not reached yet (or reset to be redone after a return).</summary>
    Pending,

    /// <summary>Assigned to its role with a due time.</summary>
    Active,

    Done,

    /// <summary>A review that sent the work back; it becomes active again when the rework reaches it.</summary>
    Returned,

    /// <summary>Not part of this period (its <c>when</c> does not match).</summary>
    Skipped,
}
