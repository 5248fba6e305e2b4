namespace SakipServerless.Core.Runs.Commands;

/// <summary>Management: runs a step again with a fresh due time (reason required).</summary>
public sealed record RestartStepCommand(string StepId, string? Reason) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx) => run.RestartStep(StepId, by, Reason, ctx);
}
