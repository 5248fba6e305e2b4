namespace SakipServerless.Core.Runs.Commands;

/// <summary>Pauses the run (head of the OPD or administrator, reason required).</summary>
public sealed record SuspendRunCommand(string? Reason) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx) => run.Suspend(by, Reason, ctx);
}
