namespace SakipServerless.Core.Storage;

/// <summary>
/// Delivery state of outbox notifications: the dispatcher's leases on pending messages, the in-app inbox of each user,
/// and the webhook deliveries with their attempts.
/// </summary>
/// <remarks>
/// <para>Delivery is at-least-once and every write is idempotent, so a dispatcher that crashes, or two that run at once,
/// never produce a second inbox entry: an entry's id is derived from the message and the user (<see cref="InboxEntry.IdFor"/>),
/// a webhook delivery's id is the message id, and writing either again changes nothing.</para>
/// <para>Leases only spare a second dispatcher duplicate work; correctness does not depend on them.</para>
/// </remarks>
public interface INotificationStore
{
    /// <summary>
    /// Leases up to <paramref name="limit"/> undispatched outbox messages, oldest first, to <paramref name="owner"/> until
    /// <paramref name="now"/> + <paramref name="lease"/>. Messages leased to someone else (or waiting for a retry) are skipped.
    /// </summary>
    Task<IReadOnlyList<OutboxClaim>> ClaimPendingAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct = default);

    /// <summary>
    /// Writes the inbox entries (existing ids are left as they are), queues the webhook delivery if any (unless already
    /// queued), marks the message dispatched and ends its lease.
    /// </summary>
    Task CompleteDispatchAsync(OutboxDispatch dispatch, CancellationToken ct = default);

    /// <summary>Counts a failed dispatch of a message and keeps it from being claimed again before <paramref name="retryAt"/>.</summary>
    Task RecordDispatchFailureAsync(string outboxId, string error, DateTimeOffset retryAt, CancellationToken ct = default);

    /// <summary>A user's inbox within a tenant, newest first, with the number of unread entries.</summary>
    Task<InboxPage> ListInboxAsync(string tenantId, string userId, bool unreadOnly, int limit, CancellationToken ct = default);

    /// <summary>Marks one of the user's entries read; false when the user has no entry with that id. Reading twice keeps the first time.</summary>
    Task<bool> MarkReadAsync(string tenantId, string userId, string entryId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Marks every unread entry of the user read and returns how many changed.</summary>
    Task<int> MarkAllReadAsync(string tenantId, string userId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Leases webhook deliveries whose next attempt is due, earliest first, like <see cref="ClaimPendingAsync"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueWebhooksAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct = default);

    /// <summary>
    /// Records one attempt of a delivery leased to <paramref name="owner"/> and ends the lease; false (nothing written)
    /// when the lease has passed to another dispatcher meanwhile.
    /// </summary>
    Task<bool> RecordWebhookAttemptAsync(string owner, WebhookAttempt attempt, CancellationToken ct = default);

    /// <summary>Webhook deliveries of one tenant, most recently attempted (or created) first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListWebhookDeliveriesAsync(WebhookDeliveryQuery query, CancellationToken ct = default);
}
