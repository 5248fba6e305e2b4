namespace SakipServerless.Core.Runs;

/// <summary>Lifecycle of a run (one SOP execution for one OPD and period).</summary>
public enum RunStatus
{
    Running,
    Suspended,
    Completed,
    Terminated,
}
