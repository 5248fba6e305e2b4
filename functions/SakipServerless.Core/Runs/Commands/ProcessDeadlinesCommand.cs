namespace SakipServerless.Core.Runs.Commands;

/// <summary>
/// Escalates what is due at the context's time, as the embedded engine's sweep does. An orchestration's own timers do
/// this by themselves; the command exists for when the application clock jumps ahead (the development clock), so a
/// run whose time is its orchestration's catches up at once.
/// </summary>
public sealed record ProcessDeadlinesCommand : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx) => run.ProcessDeadlines(ctx);
}
