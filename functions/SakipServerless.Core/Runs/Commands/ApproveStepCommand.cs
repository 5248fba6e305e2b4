namespace SakipServerless.Core.Runs.Commands;

/// <summary>The reviewer approves a review step.</summary>
/// <param name="CheckEvidence">As in <see cref="CompleteStepCommand"/>.</param>
public sealed record ApproveStepCommand(string StepId, string? Output, IReadOnlyList<string> Kelengkapan, IReadOnlyList<string> EvidenceFileIds, bool CheckEvidence = true) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx)
    {
        if (CheckEvidence)
        {
            run.EnsureEvidence(EvidenceFileIds);
        }

        run.Approve(StepId, by, new StepCompletion(Output, Kelengkapan, EvidenceFileIds), ctx);
    }
}
