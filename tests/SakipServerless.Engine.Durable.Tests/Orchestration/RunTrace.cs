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
        // The run as written, not the write's payload: a decision is what the projection becomes, however it travels.
        string? written = decision.Write is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RunJson.Serialize(interpreter.Run!))));
        interpreter.Committed(decision);
        return new TraceDecision(written, decision.Write?.ExpectedVersion, decision.Outcome, interpreter.NextDeadline);
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions(CoreJson.Options) { WriteIndented = true });

    public static RunTrace Parse(string json) => JsonSerializer.Deserialize<RunTrace>(json, CoreJson.Options)!;
}
