namespace SakipServerless.Core.Runs.Commands;

/// <summary>The reviewer returns the work to the step's <c>onReturn</c> target (reason required).</summary>
public sealed record ReturnStepCommand(string StepId, string? Reason) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx) => run.Return(StepId, by, Reason, ctx);
}
