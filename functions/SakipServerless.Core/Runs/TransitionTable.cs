using System.Collections.Frozen;
using SakipServerless.Core.Templates;

namespace SakipServerless.Core.Runs;

/// <summary>
/// Every legal transition of runs, steps and unit tasks, in one pure table. The run aggregate asks this table
/// before it changes anything, so a move that is not listed here cannot happen anywhere.
/// </summary>
public static class TransitionTable
{
    private static readonly FrozenSet<StepKind> AllKinds = Enum.GetValues<StepKind>().ToFrozenSet();
    private static readonly FrozenSet<StepKind> WorkKinds = new[] { StepKind.Disposition, StepKind.Task, StepKind.Rekap, StepKind.Meeting }.ToFrozenSet();
    private static readonly FrozenSet<StepKind> CollectOnly = new[] { StepKind.Collect }.ToFrozenSet();
    private static readonly FrozenSet<StepKind> ReviewOnly = new[] { StepKind.Review }.ToFrozenSet();

    public static IReadOnlyList<Transition<RunStatus, RunTrigger>> Run { get; } =
    [
        new(RunStatus.Running, RunTrigger.Suspend, RunStatus.Suspended),
        new(RunStatus.Suspended, RunTrigger.Resume, RunStatus.Running),
        new(RunStatus.Running, RunTrigger.Terminate, RunStatus.Terminated),
        new(RunStatus.Suspended, RunTrigger.Terminate, RunStatus.Terminated),
        new(RunStatus.Running, RunTrigger.Finish, RunStatus.Completed),
    ];

    public static IReadOnlyList<StepTransition> Step { get; } =
    [
        new(StepStatus.Pending, StepTrigger.Activate, StepStatus.Active, AllKinds),
        new(StepStatus.Returned, StepTrigger.Activate, StepStatus.Active, ReviewOnly),
        new(StepStatus.Pending, StepTrigger.Skip, StepStatus.Skipped, AllKinds),
        new(StepStatus.Active, StepTrigger.Complete, StepStatus.Done, WorkKinds),
        new(StepStatus.Active, StepTrigger.FanIn, StepStatus.Done, CollectOnly),
        new(StepStatus.Active, StepTrigger.Approve, StepStatus.Done, ReviewOnly),
        new(StepStatus.Active, StepTrigger.Return, StepStatus.Returned, ReviewOnly),
        new(StepStatus.Active, StepTrigger.Escalate, StepStatus.Active, AllKinds),
        new(StepStatus.Done, StepTrigger.Rework, StepStatus.Active, AllKinds),
        new(StepStatus.Done, StepTrigger.Reset, StepStatus.Pending, AllKinds),
        new(StepStatus.Active, StepTrigger.Reset, StepStatus.Pending, AllKinds),
        new(StepStatus.Returned, StepTrigger.Reset, StepStatus.Pending, ReviewOnly),
        new(StepStatus.Active, StepTrigger.Restart, StepStatus.Active, AllKinds),
        new(StepStatus.Done, StepTrigger.Restart, StepStatus.Active, AllKinds),
        new(StepStatus.Returned, StepTrigger.Restart, StepStatus.Active, ReviewOnly),
    ];

    public static IReadOnlyList<Transition<UnitTaskStatus, UnitTaskTrigger>> UnitTask { get; } =
    [
        new(UnitTaskStatus.Open, UnitTaskTrigger.Submit, UnitTaskStatus.Submitted),
        new(UnitTaskStatus.Returned, UnitTaskTrigger.Submit, UnitTaskStatus.Submitted),
        new(UnitTaskStatus.Submitted, UnitTaskTrigger.Accept, UnitTaskStatus.Accepted),
        new(UnitTaskStatus.Submitted, UnitTaskTrigger.Return, UnitTaskStatus.Returned),
        new(UnitTaskStatus.Open, UnitTaskTrigger.Escalate, UnitTaskStatus.Open),
        new(UnitTaskStatus.Returned, UnitTaskTrigger.Escalate, UnitTaskStatus.Returned),
        new(UnitTaskStatus.Open, UnitTaskTrigger.Reopen, UnitTaskStatus.Open),
        new(UnitTaskStatus.Submitted, UnitTaskTrigger.Reopen, UnitTaskStatus.Open),
        new(UnitTaskStatus.Accepted, UnitTaskTrigger.Reopen, UnitTaskStatus.Open),
        new(UnitTaskStatus.Returned, UnitTaskTrigger.Reopen, UnitTaskStatus.Open),
    ];

    private static readonly FrozenDictionary<(RunStatus, RunTrigger), RunStatus> RunIndex =
        Run.ToFrozenDictionary(t => (t.From, t.Trigger), t => t.To);

    private static readonly FrozenDictionary<(StepStatus, StepTrigger, StepKind), StepStatus> StepIndex =
        Step.SelectMany(t => t.Kinds.Select(k => (Key: (t.From, t.Trigger, k), t.To))).ToFrozenDictionary(x => x.Key, x => x.To);

    private static readonly FrozenDictionary<(UnitTaskStatus, UnitTaskTrigger), UnitTaskStatus> UnitIndex =
        UnitTask.ToFrozenDictionary(t => (t.From, t.Trigger), t => t.To);

    public static bool TryNext(RunStatus from, RunTrigger trigger, out RunStatus to) => RunIndex.TryGetValue((from, trigger), out to);

    public static bool TryNext(StepStatus from, StepTrigger trigger, StepKind kind, out StepStatus to) => StepIndex.TryGetValue((from, trigger, kind), out to);

    public static bool TryNext(UnitTaskStatus from, UnitTaskTrigger trigger, out UnitTaskStatus to) => UnitIndex.TryGetValue((from, trigger), out to);

    /// <summary>The state after the trigger, or a <see cref="DomainException"/> (Conflict) explaining why the move is not allowed.</summary>
    public static RunStatus Next(RunStatus from, RunTrigger trigger) =>
        TryNext(from, trigger, out var to)
            ? to
            : throw DomainException.Conflict("run-transition", $"Pelaksanaan SOP berstatus {Labels.Of(from)}; tidak dapat {Labels.Of(trigger)}.");

    public static StepStatus Next(StepStatus from, StepTrigger trigger, StepKind kind, string stepId) =>
        TryNext(from, trigger, kind, out var to)
            ? to
            : throw DomainException.Conflict(
                "step-transition",
                $"Langkah '{stepId}' ({Labels.Of(kind)}) berstatus {Labels.Of(from)}; tidak dapat {Labels.Of(trigger)}.");

    public static UnitTaskStatus Next(UnitTaskStatus from, UnitTaskTrigger trigger, string unitName) =>
        TryNext(from, trigger, out var to)
            ? to
            : throw DomainException.Conflict("unit-task-transition", $"Tugas unit {unitName} berstatus {Labels.Of(from)}; tidak dapat {Labels.Of(trigger)}.");
}
