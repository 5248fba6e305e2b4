using SakipServerless.Core;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Projection;

namespace SakipServerless.Engine.Durable.Orchestration;

/// <summary>
/// The decisions of a run's orchestration, without the orchestration: given the state, a command or a deadline and the
/// run time, what to write and what to report. <see cref="SopRunOrchestrator"/> only maps these to durable primitives.
/// </summary>
/// <remarks>
/// Everything here is a function of its inputs: the aggregate does no I/O and reads the time only from the
/// <see cref="RunContext"/> it is given. That is what makes the orchestration replay-safe, and what lets a test replay a
/// recorded trace of inputs and compare the decisions without a durable host.
/// </remarks>
public sealed class RunInterpreter
{
    /// <summary>How many command ids are remembered for dropping duplicates, and how many outcomes the status carries.</summary>
    public const int SeenWindow = 500;

    public const int OutcomeWindow = 32;

    /// <summary>What a deadline's write is decided by, in its token (commands give their id).</summary>
    private const string DeadlineToken = "deadline";

    private readonly RunOrchestrationState _input;
    private readonly SopTemplate _template;
    private readonly WorkCalendar _calendar;
    private readonly EscalationPolicy _policy;
    private readonly List<string> _seen;
    private readonly HashSet<string> _seenSet;
    private readonly List<CommandOutcome> _outcomes;

    public RunInterpreter(RunOrchestrationState input)
    {
        _input = input;
        _template = SopTemplateJson.Parse(input.TemplateJson);
        _calendar = input.Calendar.Build();
        _policy = new EscalationPolicy(input.Level2Grace);
        Run = input.RunJson is null ? null : RunJson.Deserialize(input.RunJson);
        _seen = [.. input.SeenCommandIds ?? []];
        _seenSet = [.. _seen];
        _outcomes = [.. input.RecentOutcomes ?? []];
    }

    /// <summary>The run as decided so far; null before the start was applied (or when it was refused).</summary>
    public SopRun? Run { get; private set; }

    /// <summary>When the next deadline falls due in run time; null when nothing can escalate (suspended, finished, nothing pending).</summary>
    public DateTimeOffset? NextDeadline => Run?.NextDeadline;

    /// <summary>True once no command can change the run any more: completed, terminated, or never started.</summary>
    public bool Finished => Run is null || Run.Status is RunStatus.Completed or RunStatus.Terminated;

    public RunStatusReport Report => new(_input.Start.RunId, Run?.Status, Run?.Version ?? 0, [.. _outcomes]);

    /// <summary>Starts the run at <paramref name="now"/>: the creation to write, or the domain's refusal.</summary>
    public Decision Start(DateTimeOffset now)
    {
        var start = _input.Start;
        Remember(start.CommandId);
        try
        {
            var run = SopRun.Start(start.RunId, start.TenantId, start.OpdId, start.Period, start.Units, start.StartedBy.ToActor(), Context(now), start.StartReason);
            Run = run;
            var outcome = new CommandOutcome(start.CommandId, true, run.Version);
            return new Decision(Write(run, null, 0, start.IdempotencyKey, start.RequestHash, start.StartedBy.UserId, 201, outcome, now, start.CommandId), outcome);
        }
        catch (DomainException e)
        {
            return Refusal(CommandOutcome.Refused(start.CommandId, 0, e));
        }
    }

    /// <summary>Applies one command event; a command id seen before decides nothing (its outcome was reported the first time).</summary>
    public Decision Handle(RunCommandEnvelope envelope, DateTimeOffset now)
    {
        if (!Remember(envelope.CommandId))
        {
            return Decision.None;
        }

        var run = Run ?? throw new InvalidOperationException("A command reached a run that was never started.");
        var next = run.Copy(); // a refused command must leave nothing behind, even a partly built list
        int version = run.Version;
        try
        {
            envelope.Command.ApplyTo(next, envelope.Actor.ToActor(), Context(now));
        }
        catch (DomainException e)
        {
            return Refusal(CommandOutcome.Refused(envelope.CommandId, version, e));
        }

        Run = next;
        var outcome = new CommandOutcome(envelope.CommandId, true, next.Version);
        if (next.Version == version)
        {
            return new Decision(null, outcome); // applied without a change (an identical evidence upload): nothing to write
        }

        return new Decision(Write(next, version, run.History.Count, envelope.IdempotencyKey, envelope.RequestHash, envelope.Actor.UserId, 200, outcome, now, envelope.CommandId), outcome);
    }

    /// <summary>The deadline timer fired: escalates what is due at <paramref name="now"/>.</summary>
    public Decision Tick(DateTimeOffset now)
    {
        if (Run is not { } run)
        {
            return Decision.None;
        }

        int version = run.Version;
        int history = run.History.Count;
        return run.ProcessDeadlines(Context(now)) > 0 ? new Decision(Write(run, version, history, null, null, null, 0, null, now, DeadlineToken), null) : Decision.None;
    }

    /// <summary>
    /// The projection holds, at <paramref name="storedVersion"/>, a write this orchestration never committed (see
    /// <see cref="WriteRunProjection"/>): the whole run, at a version past it, to replace it. The run stays as decided;
    /// only its version moves, so the replaced state's version never names this one.
    /// </summary>
    public ProjectionWrite Rewrite(ProjectionWrite diverged, int storedVersion)
    {
        var run = Run ?? throw new InvalidOperationException("A projection diverged for a run that was never started.");
        run.ReplacingStateAt(storedVersion);
        return diverged.Rewriting(run, storedVersion);
    }

    /// <summary>After a write is stored: its notifications were handed to the store's outbox, and its outcome may be reported.</summary>
    public void Committed(Decision decision)
    {
        if (decision.Write is not null)
        {
            Run!.DrainOutbox();
        }

        if (decision.Outcome is { } reported)
        {
            // A rewrite moved the version on (Rewrite); the outcome names the version the projection holds.
            var outcome = reported.Applied && Run is { } run && run.Version > reported.Version ? reported with { Version = run.Version } : reported;
            _outcomes.Add(outcome);
            if (_outcomes.Count > OutcomeWindow)
            {
                _outcomes.RemoveAt(0);
            }
        }
    }

    /// <summary>The creation was refused by the store (the OPD already has a run for this SOP and period): there is no run.</summary>
    public Decision CreationRefused(ProjectionResult result)
    {
        Run = null;
        return Refusal(new CommandOutcome(_input.Start.CommandId, false, 0, DomainErrorKind.Conflict, "run-exists", result.Message, result.ExistingRunId));
    }

    /// <summary>The input of the next generation: the run as it stands, the recent command ids and outcomes.</summary>
    public RunOrchestrationState Snapshot(RunClock clock) => _input with
    {
        Clock = clock,
        RunJson = Run is null ? null : RunJson.Serialize(Run),
        SeenCommandIds = [.. _seen],
        RecentOutcomes = [.. _outcomes],
    };

    private RunContext Context(DateTimeOffset now) => new(_template, _calendar, _policy, now);

    private bool Remember(string commandId)
    {
        if (!_seenSet.Add(commandId))
        {
            return false;
        }

        _seen.Add(commandId);
        if (_seen.Count > SeenWindow)
        {
            _seenSet.Remove(_seen[0]);
            _seen.RemoveAt(0);
        }

        return true;
    }

    private static Decision Refusal(CommandOutcome outcome) => new(null, outcome);

    private static ProjectionWrite Write(SopRun run, int? expected, int historyBefore, string? key, string? hash, string? userId, int status, CommandOutcome? outcome,
        DateTimeOffset now, string decidedBy) =>
        ProjectionWrite.Of(run, historyBefore, expected,
            key is null ? null : new IdempotencyRecord(run.TenantId, key, userId!, hash ?? "", status, System.Text.Json.JsonSerializer.Serialize(outcome, CoreJson.Options), now),
            decidedBy);
}
