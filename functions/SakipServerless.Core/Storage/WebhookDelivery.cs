namespace SakipServerless.Core.Storage;

/// <summary>
/// The webhook POST of one outbox message. The payload is fixed when the message is dispatched, so every retry sends
/// the same bytes under the same event id.
/// </summary>
public sealed record WebhookDelivery
{
    /// <summary>The outbox message id; sent as the event id and <c>Idempotency-Key</c>.</summary>
    public required string EventId { get; init; }

    public required string TenantId { get; init; }

    public required string OpdId { get; init; }

    public required string Kind { get; init; }

    public required string PayloadJson { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public WebhookDeliveryStatus Status { get; init; } = WebhookDeliveryStatus.Pending;

    public int Attempts { get; init; }

    /// <summary>When the next attempt is due; null once delivered or failed for good.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public int? LastStatusCode { get; init; }

    /// <summary>What went wrong last, in Bahasa Indonesia (it is shown to admins).</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }
}
