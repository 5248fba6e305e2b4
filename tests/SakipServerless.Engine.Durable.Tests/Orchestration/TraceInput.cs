using SakipServerless.Engine.Durable.Commands;

namespace SakipServerless.Engine.Durable.Tests.Orchestration;

/// <summary>One input of a run's orchestration as its history records it: the start, a command event, or a deadline timer firing, at a run time.</summary>
public sealed record TraceInput(TraceInputKind Kind, DateTimeOffset At, RunCommandEnvelope? Command = null);

public enum TraceInputKind
{
    Start,
    Command,
    Deadline,
}
