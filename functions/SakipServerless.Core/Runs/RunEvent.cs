namespace SakipServerless.Core.Runs;

/// <summary>One history entry: who did what, when and why. Appended by every transition, never changed.</summary>
public sealed record RunEvent
{
    public required int Seq { get; init; }

    public required DateTimeOffset At { get; init; }

    public required RunEventType Type { get; init; }

    public required string ActorId { get; init; }

    public string? StepId { get; init; }

    public string? UnitId { get; init; }

    /// <summary>Why: the reason of a return, suspension or termination; the output note of a completion.</summary>
    public string? Reason { get; init; }

    /// <summary>A sentence in Bahasa Indonesia for the timeline.</summary>
    public required string Detail { get; init; }

    /// <summary>The due time the event concerns (activation, lateness: the original deadline, even when the sweep ran late).</summary>
    public DateTimeOffset? DueAt { get; init; }

    public int? EscalationLevel { get; init; }

    /// <summary>The evidence file an upload or download event concerns.</summary>
    public string? FileId { get; init; }
}
