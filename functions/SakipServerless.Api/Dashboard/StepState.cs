namespace SakipServerless.Api.Dashboard;

/// <summary>A step of a run as the dashboard colours it, at the moment the read model is computed.</summary>
public enum StepState
{
    /// <summary>Not reached yet.</summary>
    Pending,

    /// <summary>Assigned and within its due time (or its run is suspended, which stops the clock).</summary>
    Active,

    /// <summary>Past its due time (or a unit of it is), not yet escalated to the head of the OPD.</summary>
    Late,

    /// <summary>Past its due time and escalated to the head of the OPD (level 2).</summary>
    Escalated,

    Done,

    /// <summary>A review that sent the work back and waits for the rework.</summary>
    Returned,

    /// <summary>Not part of this period (e.g. a year-end step in triwulan I).</summary>
    Skipped,

    /// <summary>Never finished because its run was terminated.</summary>
    Stopped,
}
