namespace SakipServerless.Core.Runs;

/// <summary>What moves a run between states.</summary>
public enum RunTrigger
{
    Suspend,
    Resume,
    Terminate,

    /// <summary>The last included step is done.</summary>
    Finish,
}

/// <summary>What moves a step instance between states.</summary>
public enum StepTrigger
{
    /// <summary>The flow reaches the step.</summary>
    Activate,

    /// <summary>The assignee completes ordinary work (disposition, task, rekap, meeting).</summary>
    Complete,

    /// <summary>Every unit task of a collect step is accepted.</summary>
    FanIn,

    Approve,
    Return,

    /// <summary>The deadline or the grace after it passed.</summary>
    Escalate,

    /// <summary>A review returned the work to this step.</summary>
    Rework,

    /// <summary>A step between the rework target and the review goes back to pending.</summary>
    Reset,

    /// <summary>The step is not part of this period.</summary>
    Skip,

    /// <summary>Management: run the step again with a fresh due time.</summary>
    Restart,
}

/// <summary>What moves a unit task between states.</summary>
public enum UnitTaskTrigger
{
    Submit,
    Accept,
    Return,
    Escalate,

    /// <summary>The collect step is redone (rework or restart): every unit submits again.</summary>
    Reopen,
}
