namespace SakipServerless.Core.Runs.Commands;

/// <summary>The collect step's assignee returns a unit's submission with a fresh due time (reason required).</summary>
public sealed record ReturnUnitCommand(string StepId, string UnitId, string? Reason) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx) => run.ReturnUnit(StepId, UnitId, by, Reason, ctx);
}
