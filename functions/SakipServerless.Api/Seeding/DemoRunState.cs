namespace SakipServerless.Api.Seeding;

/// <summary>The states the demo leaves runs in, so every dashboard tile and inbox has something to show.</summary>
internal enum DemoRunState
{
    /// <summary>Every step done.</summary>
    Completed,

    /// <summary>Running, the collect step partly answered, nothing past its due time.</summary>
    OnTime,

    /// <summary>Running, the active step past its due time: level 1 (assignee and supervisor notified).</summary>
    Late,

    /// <summary>Running, a unit that never sent its data escalated to the head of the OPD: level 2.</summary>
    Escalated,

    /// <summary>Running, a review returned the work; the rework step is active.</summary>
    ReturnedReview,

    /// <summary>Running, a unit's submission returned with a reason and not yet corrected.</summary>
    ReturnedUnit,
}
