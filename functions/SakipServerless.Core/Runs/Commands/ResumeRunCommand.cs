namespace SakipServerless.Core.Runs.Commands;

/// <summary>Resumes a suspended run, shifting its pending deadlines by the time spent suspended.</summary>
public sealed record ResumeRunCommand : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx) => run.Resume(by, ctx);
}
