using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Tests.Faults.Replay;

/// <summary>
/// Rebuilds a run's state from its history alone and lists every way the stored state differs from that replay.
/// </summary>
/// <remarks>
/// <para>A <see cref="SopRun"/> cannot be rebuilt by re-running its commands: the history records what happened (who,
/// what, when, the due time in force) but not every input of a command, and commands consult the calendar and the
/// clock. What the history does carry is enough to derive the state that matters for correctness, so this replays the
/// events against the template and <see cref="TransitionTable"/>: run status, each step's status, activations,
/// returns, escalation level, due and completion times, each unit task's status, due time, returns and escalation
/// level, and the run's version.</para>
/// <para>The version follows from the history because every command bumps it exactly once: a command is recognised by
/// the event it starts with. Consequences recorded by the same command do not start one: skips, activations, unit
/// openings and run completion always follow their cause; a collect step's completion is its last acceptance's
/// fan-in; escalations recorded at the same instant one after another are one sweep.</para>
/// <para>Silent effects are replayed by the same rules the aggregate uses: a return resets the steps between the
/// rework step and the review, a restart resets what is in flight and what lies after the restarted step. After a
/// resume the unit tasks' shifted due times are not in the history, so they are not compared from then on.</para>
/// </remarks>
public static class HistoryReplay
{
    private static readonly HashSet<RunEventType> Escalations =
        [RunEventType.StepLate, RunEventType.StepEscalated, RunEventType.UnitTaskLate, RunEventType.UnitTaskEscalated];

    /// <summary>Replays <paramref name="run"/>'s history against <paramref name="template"/>; empty when state equals replay.</summary>
    public static IReadOnlyList<string> Check(SopRun run, SopTemplate template)
    {
        var problems = new List<string>();
        void Fail(string message) => problems.Add($"{run.Id}: {message}");

        if (template.Id != run.TemplateId || template.Version != run.TemplateVersion)
        {
            Fail($"template {template.Id}@{template.Version} is not the run's {run.TemplateId}@{run.TemplateVersion}");
            return problems;
        }

        var steps = template.Steps.Select(s => new ReplayedStep(s)).ToList();
        var status = RunStatus.Running;
        int version = 0;
        bool resumed = false;
        RunEvent? previous = null;

        for (int i = 0; i < run.History.Count; i++)
        {
            var e = run.History[i];
            if (e.Seq != i + 1)
            {
                Fail($"event #{i + 1} has seq {e.Seq}");
            }

            if (i == 0 && e.Type != RunEventType.RunStarted)
            {
                Fail($"history starts with {e.Type}");
            }

            if (StartsCommand(e, previous, steps))
            {
                version++;
            }

            var step = e.StepId is null ? null : steps.FirstOrDefault(s => s.Def.Id == e.StepId);
            if (e.StepId is not null && step is null)
            {
                Fail($"event {e.Seq} names unknown step {e.StepId}");
                previous = e;
                continue;
            }

            var unit = step is not null && e.UnitId is not null ? step.Unit(e.UnitId) : null;
            string at = $"event {e.Seq} {e.Type}";
            switch (e.Type)
            {
                case RunEventType.RunStarted:
                    status = RunStatus.Running;
                    break;
                case RunEventType.StepSkipped:
                    step!.Move(StepTrigger.Skip, at, Fail);
                    break;
                case RunEventType.StepActivated:
                case RunEventType.StepRestarted:
                    if (e.Type == RunEventType.StepRestarted)
                    {
                        int index = steps.IndexOf(step!);
                        foreach (var other in steps.Where((s, n) => s != step
                            && (s.Status is StepStatus.Active or StepStatus.Returned || (s.Status == StepStatus.Done && n > index))))
                        {
                            other.Move(StepTrigger.Reset, at, Fail);
                        }
                    }

                    var trigger = e.Type == RunEventType.StepRestarted ? StepTrigger.Restart
                        : step!.Status == StepStatus.Done ? StepTrigger.Rework
                        : StepTrigger.Activate;
                    step!.Move(trigger, at, Fail);
                    step.ActivatedAt = e.At;
                    step.DueAt = e.DueAt;
                    step.CompletedAt = null;
                    step.Level = 0;
                    step.Activations++;
                    break;
                case RunEventType.StepCompleted:
                    step!.Move(step.Def.Kind == StepKind.Collect ? StepTrigger.FanIn : StepTrigger.Complete, at, Fail);
                    if (step.Def.Kind == StepKind.Collect && step.Units.Values.Any(u => u.Status != UnitTaskStatus.Accepted))
                    {
                        Fail($"{at}: collect step {step.Def.Id} completed before every unit was accepted");
                    }

                    step.CompletedAt = e.At;
                    break;
                case RunEventType.StepApproved:
                    step!.Move(StepTrigger.Approve, at, Fail);
                    step.CompletedAt = e.At;
                    break;
                case RunEventType.StepReturned:
                    step!.Move(StepTrigger.Return, at, Fail);
                    step.CompletedAt = e.At;
                    step.ReturnCount++;
                    int review = steps.IndexOf(step);
                    int target = template.IndexOf(step.Def.OnReturn ?? "");
                    if (target < 0 || target >= review)
                    {
                        Fail($"{at}: review {step.Def.Id} has no earlier onReturn step");
                        break;
                    }

                    foreach (var between in steps.Skip(target + 1).Take(review - target - 1).Where(s => s.Status != StepStatus.Skipped))
                    {
                        between.Move(StepTrigger.Reset, at, Fail);
                    }

                    steps[target].ReturnCount++;
                    break;
                case RunEventType.StepLate:
                case RunEventType.StepEscalated:
                    int level = e.Type == RunEventType.StepLate ? 1 : 2;
                    step!.Move(StepTrigger.Escalate, at, Fail);
                    CheckEscalation(at, level, step.Level, e, step.DueAt, Fail);
                    step.Level = level;
                    break;
                case RunEventType.UnitTaskOpened:
                    if (step!.Status != StepStatus.Active || step.Def.Kind != StepKind.Collect)
                    {
                        Fail($"{at}: unit task opened on {step.Def.Id}, which is not an active collect step");
                    }

                    var opened = step.Unit(e.UnitId ?? "");
                    if (opened.Status is not null)
                    {
                        opened.Move(UnitTaskTrigger.Reopen, at, Fail);
                    }

                    opened.Status = UnitTaskStatus.Open;
                    opened.DueAt = e.DueAt;
                    opened.DueKnown = true;
                    opened.Level = 0;
                    break;
                case RunEventType.UnitTaskSubmitted:
                    unit!.Move(UnitTaskTrigger.Submit, at, Fail);
                    break;
                case RunEventType.UnitTaskAccepted:
                    unit!.Move(UnitTaskTrigger.Accept, at, Fail);
                    break;
                case RunEventType.UnitTaskReturned:
                    unit!.Move(UnitTaskTrigger.Return, at, Fail);
                    unit.DueAt = e.DueAt;
                    unit.DueKnown = true;
                    unit.Level = 0;
                    unit.ReturnCount++;
                    break;
                case RunEventType.UnitTaskLate:
                case RunEventType.UnitTaskEscalated:
                    int unitLevel = e.Type == RunEventType.UnitTaskLate ? 1 : 2;
                    unit!.Move(UnitTaskTrigger.Escalate, at, Fail);
                    if (step!.Status != StepStatus.Active)
                    {
                        Fail($"{at}: unit task of inactive step {step.Def.Id} escalated");
                    }

                    CheckEscalation(at, unitLevel, unit.Level, e, unit.DueKnown ? unit.DueAt : e.DueAt, Fail);
                    unit.Level = unitLevel;
                    break;
                case RunEventType.RunSuspended:
                    status = Next(status, RunTrigger.Suspend, at, Fail);
                    break;
                case RunEventType.RunResumed:
                    status = Next(status, RunTrigger.Resume, at, Fail);
                    resumed = true;
                    foreach (var active in steps.Where(s => s.Status == StepStatus.Active))
                    {
                        active.DueAt = active.Def.Id == e.StepId ? e.DueAt : null;
                        active.DueKnown = active.Def.Id == e.StepId;
                        foreach (var u in active.Units.Values)
                        {
                            u.DueKnown = false;
                        }
                    }

                    break;
                case RunEventType.RunTerminated:
                    status = Next(status, RunTrigger.Terminate, at, Fail);
                    break;
                case RunEventType.RunCompleted:
                    status = Next(status, RunTrigger.Finish, at, Fail);
                    if (steps.Any(s => s.Status is StepStatus.Active or StepStatus.Returned))
                    {
                        Fail($"{at}: run completed with a step still in flight");
                    }

                    break;
                case RunEventType.EvidenceUploaded:
                case RunEventType.EvidenceDownloaded:
                    break;
                default:
                    Fail($"{at}: unknown event type");
                    break;
            }

            previous = e;
        }

        Compare(run, steps, status, version, resumed, Fail);
        return problems;
    }

    private static bool StartsCommand(RunEvent e, RunEvent? previous, List<ReplayedStep> steps) => e.Type switch
    {
        RunEventType.StepSkipped or RunEventType.StepActivated or RunEventType.UnitTaskOpened or RunEventType.RunCompleted => false,
        RunEventType.StepCompleted => steps.FirstOrDefault(s => s.Def.Id == e.StepId)?.Def.Kind != StepKind.Collect,
        _ when Escalations.Contains(e.Type) => previous is null || !Escalations.Contains(previous.Type) || previous.At != e.At,
        _ => true,
    };

    private static void CheckEscalation(string at, int level, int current, RunEvent e, DateTimeOffset? due, Action<string> fail)
    {
        if (current != level - 1)
        {
            fail($"{at}: escalation to level {level} from level {current}");
        }

        if (e.EscalationLevel != level)
        {
            fail($"{at}: records level {e.EscalationLevel}, expected {level}");
        }

        if (due is { } d && e.DueAt != d)
        {
            fail($"{at}: records due time {e.DueAt:O}, the due time in force was {d:O}");
        }

        if (e.DueAt is { } recorded && e.At < recorded)
        {
            fail($"{at}: escalated at {e.At:O}, before its due time {recorded:O}");
        }
    }

    private static RunStatus Next(RunStatus from, RunTrigger trigger, string at, Action<string> fail)
    {
        if (TransitionTable.TryNext(from, trigger, out var to))
        {
            return to;
        }

        fail($"{at}: run {from} cannot {trigger}");
        return from;
    }

    private static void Compare(SopRun run, List<ReplayedStep> steps, RunStatus status, int version, bool resumed, Action<string> fail)
    {
        if (run.Status != status)
        {
            fail($"status {run.Status}, replay gives {status}");
        }

        if (run.Version != version)
        {
            fail($"version {run.Version}, replay of {run.History.Count} events gives {version} commands");
        }

        if (run.Steps.Count != steps.Count)
        {
            fail($"{run.Steps.Count} steps, the template has {steps.Count}");
            return;
        }

        for (int i = 0; i < steps.Count; i++)
        {
            var expected = steps[i];
            var actual = run.Steps[i];
            string where = $"step {actual.StepId}";
            Same(where, "status", actual.Status, expected.Status, fail);
            Same(where, "escalation level", actual.EscalationLevel, expected.Level, fail);
            Same(where, "activations", actual.Activations, expected.Activations, fail);
            Same(where, "return count", actual.ReturnCount, expected.ReturnCount, fail);
            if (expected.Status != StepStatus.Pending)
            {
                Same(where, "activated at", actual.ActivatedAt, expected.ActivatedAt, fail);
            }

            if (expected.Status == StepStatus.Active && expected.DueKnown)
            {
                Same(where, "due at", actual.DueAt, expected.DueAt, fail);
            }

            if (expected.Status is StepStatus.Done or StepStatus.Returned)
            {
                Same(where, "completed at", actual.CompletedAt, expected.CompletedAt, fail);
            }

            CheckTimer(where, actual, fail);

            var actualUnits = actual.UnitTasks.ToDictionary(u => u.UnitId);
            foreach (var (unitId, u) in expected.Units)
            {
                if (!actualUnits.Remove(unitId, out var task))
                {
                    fail($"{where}: unit task {unitId} is in the history but not in the state");
                    continue;
                }

                string unitWhere = $"{where} unit {unitId}";
                Same(unitWhere, "status", (UnitTaskStatus?)task.Status, u.Status, fail);
                Same(unitWhere, "escalation level", task.EscalationLevel, u.Level, fail);
                Same(unitWhere, "return count", task.ReturnCount, u.ReturnCount, fail);
                if (u.DueKnown && !resumed)
                {
                    Same(unitWhere, "due at", (DateTimeOffset?)task.DueAt, u.DueAt, fail);
                }

                bool pending = actual.Status == StepStatus.Active && task.Status is UnitTaskStatus.Open or UnitTaskStatus.Returned && task.EscalationLevel < 2;
                if (pending != task.NextEscalationAt.HasValue)
                {
                    fail($"{unitWhere}: next escalation {task.NextEscalationAt:O} while {task.Status} at level {task.EscalationLevel} of a {actual.Status} step");
                }
                else if (pending && task.EscalationLevel == 0 && task.NextEscalationAt != task.DueAt)
                {
                    fail($"{unitWhere}: next escalation {task.NextEscalationAt:O} is not its due time {task.DueAt:O}");
                }
                else if (pending && task.EscalationLevel == 1 && task.NextEscalationAt <= task.DueAt)
                {
                    fail($"{unitWhere}: level-2 time {task.NextEscalationAt:O} is not after its due time {task.DueAt:O}");
                }
            }

            foreach (var extra in actualUnits.Keys)
            {
                fail($"{where}: unit task {extra} is in the state but was never opened in the history");
            }
        }

        var nextDeadline = run.NextDeadline;
        if (run.Status != RunStatus.Running && nextDeadline is not null)
        {
            fail($"a {run.Status} run still has a next deadline {nextDeadline:O}");
        }
    }

    /// <summary>The due-index entries of a step must agree with its state: what is not active has no timer.</summary>
    private static void CheckTimer(string where, StepInstance step, Action<string> fail)
    {
        bool pending = step.Status == StepStatus.Active && step.Kind != StepKind.Collect && step.EscalationLevel < 2;
        if (pending != step.NextEscalationAt.HasValue)
        {
            fail($"{where}: next escalation {step.NextEscalationAt:O} while {step.Status} at level {step.EscalationLevel}");
        }
        else if (pending && step.EscalationLevel == 0 && step.NextEscalationAt != step.DueAt)
        {
            fail($"{where}: next escalation {step.NextEscalationAt:O} is not its due time {step.DueAt:O}");
        }
        else if (pending && step.EscalationLevel == 1 && step.NextEscalationAt <= step.DueAt)
        {
            fail($"{where}: level-2 time {step.NextEscalationAt:O} is not after its due time {step.DueAt:O}");
        }
    }

    private static void Same<T>(string where, string what, T actual, T expected, Action<string> fail)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            fail($"{where}: {what} is {actual}, replay gives {expected}");
        }
    }

    private sealed class ReplayedStep(SopStep def)
    {
        public SopStep Def { get; } = def;

        public StepStatus Status { get; set; } = StepStatus.Pending;

        public DateTimeOffset? ActivatedAt { get; set; }

        public DateTimeOffset? DueAt { get; set; }

        public bool DueKnown { get; set; } = true;

        public DateTimeOffset? CompletedAt { get; set; }

        public int Level { get; set; }

        public int Activations { get; set; }

        public int ReturnCount { get; set; }

        public Dictionary<string, ReplayedUnit> Units { get; } = new(StringComparer.Ordinal);

        public ReplayedUnit Unit(string unitId)
        {
            if (!Units.TryGetValue(unitId, out var unit))
            {
                unit = new ReplayedUnit();
                Units[unitId] = unit;
            }

            return unit;
        }

        public void Move(StepTrigger trigger, string at, Action<string> fail)
        {
            if (TransitionTable.TryNext(Status, trigger, Def.Kind, out var to))
            {
                Status = to;
            }
            else
            {
                fail($"{at}: step {Def.Id} ({Def.Kind}) {Status} cannot {trigger}");
            }
        }
    }

    private sealed class ReplayedUnit
    {
        public UnitTaskStatus? Status { get; set; }

        public DateTimeOffset? DueAt { get; set; }

        public bool DueKnown { get; set; }

        public int Level { get; set; }

        public int ReturnCount { get; set; }

        public void Move(UnitTaskTrigger trigger, string at, Action<string> fail)
        {
            if (Status is { } from && TransitionTable.TryNext(from, trigger, out var to))
            {
                Status = to;
            }
            else
            {
                fail($"{at}: unit task {Status?.ToString() ?? "never opened"} cannot {trigger}");
            }
        }
    }
}
