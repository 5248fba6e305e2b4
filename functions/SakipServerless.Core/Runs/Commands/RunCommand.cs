using System.Text.Json.Serialization;

namespace SakipServerless.Core.Runs.Commands;

/// <summary>
/// A command on a started run as data: what an endpoint asks an engine to do, serializable so it can travel as a
/// durable external event as well as be applied in-process.
/// </summary>
/// <remarks>
/// <see cref="ApplyTo"/> is the only place a command meets the aggregate, so both engines decide the same way. It is
/// pure (the aggregate does no I/O and takes its time from <see cref="RunContext.Now"/>), which makes it safe to run
/// again when an orchestration replays. The <c>kind</c> discriminator names are stored in orchestration histories:
/// never rename one, add a new record instead.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SuspendRunCommand), "suspend")]
[JsonDerivedType(typeof(ResumeRunCommand), "resume")]
[JsonDerivedType(typeof(TerminateRunCommand), "terminate")]
[JsonDerivedType(typeof(RestartStepCommand), "restart-step")]
[JsonDerivedType(typeof(CompleteStepCommand), "complete-step")]
[JsonDerivedType(typeof(ApproveStepCommand), "approve-step")]
[JsonDerivedType(typeof(ReturnStepCommand), "return-step")]
[JsonDerivedType(typeof(SubmitUnitCommand), "submit-unit")]
[JsonDerivedType(typeof(AcceptUnitCommand), "accept-unit")]
[JsonDerivedType(typeof(ReturnUnitCommand), "return-unit")]
[JsonDerivedType(typeof(RecordEvidenceUploadCommand), "record-evidence-upload")]
[JsonDerivedType(typeof(RecordEvidenceDownloadCommand), "record-evidence-download")]
[JsonDerivedType(typeof(ProcessDeadlinesCommand), "process-deadlines")]
public abstract record RunCommand
{
    /// <summary>Applies the command or throws a <see cref="DomainException"/> having changed nothing.</summary>
    public abstract void ApplyTo(SopRun run, Actor by, RunContext ctx);
}
