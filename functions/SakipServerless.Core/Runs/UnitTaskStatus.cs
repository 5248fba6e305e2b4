namespace SakipServerless.Core.Runs;

/// <summary>Lifecycle of one unit's part of a collect step.</summary>
public enum UnitTaskStatus
{
    /// <summary>Waiting for the unit's submission.</summary>
    Open,

    /// <summary>Submitted, waiting for the collect step's assignee to accept or return it.</summary>
    Submitted,

    Accepted,

    /// <summary>Returned to the unit with a reason; waiting for a corrected submission.</summary>
    Returned,
}
