namespace SakipServerless.Core.Runs.Commands;

/// <summary>The collect step's assignee accepts a unit's submission; the last one completes the step (fan-in).</summary>
public sealed record AcceptUnitCommand(string StepId, string UnitId) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx) => run.AcceptUnit(StepId, UnitId, by, ctx);
}
