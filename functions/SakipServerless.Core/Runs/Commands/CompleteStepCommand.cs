namespace SakipServerless.Core.Runs.Commands;

/// <summary>The assignee completes a step with its output, kelengkapan and evidence.</summary>
/// <param name="CheckEvidence">Whether every evidence id must name a file of the run: true for the API; the
/// simulations that use symbolic ids without a file store set it false.</param>
public sealed record CompleteStepCommand(string StepId, string? Output, IReadOnlyList<string> Kelengkapan, IReadOnlyList<string> EvidenceFileIds, bool CheckEvidence = true) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx)
    {
        // Before the transition, as the API always did: an unknown file is refused even when the step would be too.
        if (CheckEvidence)
        {
            run.EnsureEvidence(EvidenceFileIds);
        }

        run.CompleteStep(StepId, by, new StepCompletion(Output, Kelengkapan, EvidenceFileIds), ctx);
    }
}
