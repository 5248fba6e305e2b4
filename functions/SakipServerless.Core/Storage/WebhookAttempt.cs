namespace SakipServerless.Core.Storage;

/// <summary>
/// The outcome of one webhook attempt: <see cref="WebhookDeliveryStatus.Pending"/> with a next attempt time when it will
/// be retried, <see cref="WebhookDeliveryStatus.Delivered"/> or <see cref="WebhookDeliveryStatus.Failed"/> otherwise.
/// </summary>
public sealed record WebhookAttempt(string EventId, DateTimeOffset At, WebhookDeliveryStatus Result, int? StatusCode, string? Error, DateTimeOffset? NextAttemptAt);
