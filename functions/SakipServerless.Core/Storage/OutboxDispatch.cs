namespace SakipServerless.Core.Storage;

/// <summary>Everything one delivered outbox message writes: its inbox entries and, when a webhook is configured, its delivery.</summary>
public sealed record OutboxDispatch(string OutboxId, DateTimeOffset DispatchedAt, IReadOnlyList<InboxEntry> Entries, WebhookDelivery? Webhook);
