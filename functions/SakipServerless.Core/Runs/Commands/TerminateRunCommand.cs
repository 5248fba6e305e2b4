namespace SakipServerless.Core.Runs.Commands;

/// <summary>Ends the run for good (reason required).</summary>
public sealed record TerminateRunCommand(string? Reason) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx) => run.Terminate(by, Reason, ctx);
}
