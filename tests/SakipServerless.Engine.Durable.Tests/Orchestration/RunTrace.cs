using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Engine.Durable.Orchestration;

namespace SakipServerless.Engine.Durable.Tests.Orchestration;

/// <summary>
/// A recorded run: the orchestration's input, every later input in order, and the decisions taken. Replaying the
/// inputs through a fresh <see cref="RunInterpreter"/> must give the same decisions, which is what an orchestration
/// replaying its history relies on.
/// </summary>
public sealed record RunTrace(RunOrchestrationState Input, IReadOnlyList<TraceInput> Inputs, IReadOnlyList<TraceDecision> Decisions)
{
    public static IReadOnlyList<TraceDecision> Replay(RunOrchestrationState input, IEnumerable<TraceInput> inputs)
    {
        var interpreter = new RunInterpreter(input);
        return [.. inputs.Select(i => Decide(interpreter, i))];
    }

    /// <summary>Feeds one input to <paramref name="interpreter"/> as the orchestrator does (decide, write, then commit) and describes the decision.</summary>
    public static TraceDecision Decide(RunInterpreter interpreter, TraceInput input)
    {
        var decision = input.Kind switch
        {
            TraceInputKind.Start => interpreter.Start(input.At),
            TraceInputKind.Command => interpreter.Handle(input.Command!, input.At),
            _ => interpreter.Tick(input.At),
        };
        string? written = decision.Write is null ? null : Fingerprint(interpreter.Run!);
        interpreter.Committed(decision);
        // A refusal's kind and code are decisions; its message is wording.
        return new TraceDecision(written, decision.Write?.ExpectedVersion, decision.Outcome is { } o ? o with { Message = null } : null, interpreter.NextDeadline);
    }

    /// <summary>
    /// What a write decides: states, due times, levels, the history's kinds, actors and reasons, the notices' kinds and
    /// recipients. Not the Indonesian wording of details and messages, which may be improved without a new interpreter
    /// version (a replay words new events anew; events already projected keep theirs), nor how the write travels.
    /// </summary>
    public static string Fingerprint(SopRun run)
    {
        var decided = new
        {
            run.Status, run.Version, run.SuspendedAt, run.CompletedAt, run.TerminatedAt,
            Steps = run.Steps.Select(s => new
            {
                s.StepId, s.Status, s.DueAt, s.NextEscalationAt, s.EscalationLevel, s.ReturnCount, s.Activations, s.CompletedLate,
                Units = s.UnitTasks.Select(u => new { u.UnitId, u.Status, u.DueAt, u.NextEscalationAt, u.EscalationLevel, u.ReturnCount, u.SubmittedLate }),
            }),
            History = run.History.Select(e => new { e.Seq, e.Type, e.At, e.ActorId, e.StepId, e.UnitId, e.Reason, e.DueAt, e.EscalationLevel }),
            Outbox = run.Outbox.Select(n => new { n.Id, n.Kind, n.RecipientRoles, n.RecipientUnitId, n.DueAt, n.EscalationLevel }),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(decided, CoreJson.Options))));
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions(CoreJson.Options) { WriteIndented = true });

    public static RunTrace Parse(string json) => JsonSerializer.Deserialize<RunTrace>(json, CoreJson.Options)!;
}
