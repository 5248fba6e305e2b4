namespace SakipServerless.Core.Runs;

/// <summary>
/// An outbox message produced by a transition and stored in the same write as the run; a dispatcher
/// delivers it afterwards (in-app inbox, webhook). Recipients are roles within the run's OPD, or a unit.
/// </summary>
public sealed record Notification
{
    /// <summary>Unique and stable: the run id, the history sequence that produced it, and a counter.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required NotificationKind Kind { get; init; }

    public required string RunId { get; init; }

    public string? StepId { get; init; }

    public string? UnitId { get; init; }

    public IReadOnlyList<string> RecipientRoles { get; init; } = [];

    public string? RecipientUnitId { get; init; }

    public required string Message { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public int? EscalationLevel { get; init; }
}
