namespace SakipServerless.Core.Runs;

/// <summary>Kinds of history entries: the SOP's "pencatatan dan pendataan" and the audit trail.</summary>
public enum RunEventType
{
    RunStarted,
    StepSkipped,
    StepActivated,
    StepCompleted,
    StepApproved,
    StepReturned,
    StepLate,
    StepEscalated,
    StepRestarted,
    UnitTaskOpened,
    UnitTaskSubmitted,
    UnitTaskAccepted,
    UnitTaskReturned,
    UnitTaskLate,
    UnitTaskEscalated,
    RunSuspended,
    RunResumed,
    RunTerminated,
    RunCompleted,

    /// <summary>An evidence file was stored for the run (history only: no state moves).</summary>
    EvidenceUploaded,

    /// <summary>Someone read an evidence file of the run (history only: no state moves).</summary>
    EvidenceDownloaded,
}
