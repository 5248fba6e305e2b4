namespace SakipServerless.Engine.Durable.Orchestration;

/// <summary>How a run's time relates to the orchestration's clock; production leaves it out (run time is host time).</summary>
/// <param name="Scale">Run seconds per host second.</param>
/// <param name="RunOrigin">The run time at the orchestration's first execution; null for the host time then.</param>
public sealed record RunClockOptions(double Scale = 1, DateTimeOffset? RunOrigin = null);
