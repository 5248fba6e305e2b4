using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Projection;

namespace SakipServerless.Engine.Durable.Orchestration;

/// <summary>What the orchestration does after one input: write the projection (if the run changed), then report the outcome (if it was a command).</summary>
public sealed record Decision(ProjectionWrite? Write, CommandOutcome? Outcome)
{
    public static Decision None { get; } = new(null, null);
}
