using SakipServerless.Core.Templates;

namespace SakipServerless.Core.Runs;

/// <summary>One legal move of a state machine: from a state, on a trigger, to a state.</summary>
public sealed record Transition<TState, TTrigger>(TState From, TTrigger Trigger, TState To)
    where TState : struct, Enum
    where TTrigger : struct, Enum;

/// <summary>One legal move of a step instance, restricted to the step kinds it applies to.</summary>
public sealed record StepTransition(StepStatus From, StepTrigger Trigger, StepStatus To, IReadOnlySet<StepKind> Kinds);
