namespace SakipServerless.Core.Runs.Commands;

/// <summary>A unit submits its realisasi (validated against the indicators beforehand) and evidence.</summary>
/// <param name="CheckEvidence">As in <see cref="CompleteStepCommand"/>.</param>
public sealed record SubmitUnitCommand(string StepId, string UnitId, UnitSubmissionInput Input, bool CheckEvidence = true) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx)
    {
        if (CheckEvidence)
        {
            run.EnsureEvidence(Input.EvidenceFileIds);
        }

        run.SubmitUnit(StepId, UnitId, by, Input, ctx);
    }
}
