using System.Text.Json;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;
using SakipServerless.Core;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Notifications;

/// <summary>
/// Delivers the outbox: writes one in-app inbox entry per recipient and marks the message dispatched, then sends the
/// webhook deliveries that are due. The background service calls it on a timer; tests call it directly.
/// </summary>
/// <remarks>
/// <para>Inbox entries, the queued webhook delivery and the dispatched mark are one store write, and every part of it is
/// idempotent (entry ids derive from message and user), so a crash anywhere, or a second dispatcher on the same
/// database, delivers a message again at worst: never a second entry for the same user.</para>
/// <para>The webhook is a separate phase over its own rows: a slow or failing gateway delays only webhooks, never the
/// inbox. Retries are scheduled on the application clock (next attempt time stored per delivery), not slept through.</para>
/// </remarks>
public sealed partial class NotificationDispatcher(INotificationStore store, IDocumentStore documents, WebhookSender webhook,
    TimeProvider clock, IOptions<SakipOptions> options, ILogger<NotificationDispatcher> log)
{
    /// <summary>Deliveries claimed per round: each may take up to the timeout, and the lease must outlast them all.</summary>
    private const int WebhookClaimSize = 10;

    /// <summary>Time a claimed batch of messages stays reserved for this dispatcher; far longer than writing it takes.</summary>
    private static readonly TimeSpan DispatchLease = TimeSpan.FromMinutes(2);

    /// <summary>A dispatch that failed (storage or master data unavailable) is retried on this schedule, without limit.</summary>
    private static readonly RetrySchedule DispatchRetry = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10));

    /// <summary>Tells this dispatcher's leases from those of other instances on the same database.</summary>
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private NotificationOptions Settings => options.Value.Notifications;

    /// <summary>One full pass: the in-app phase, then the webhook phase.</summary>
    public async Task<DispatchResult> RunOnceAsync(CancellationToken ct = default)
    {
        var inApp = await DispatchPendingAsync(ct);
        return inApp.Add(await DeliverWebhooksAsync(ct));
    }

    /// <summary>Dispatches every pending outbox message (oldest first) to the inbox, and queues its webhook delivery.</summary>
    public async Task<DispatchResult> DispatchPendingAsync(CancellationToken ct = default)
    {
        var users = new Dictionary<string, IReadOnlyList<AppUser>>(StringComparer.Ordinal); // one listing per tenant and pass
        int dispatched = 0, failures = 0, entries = 0;
        IReadOnlyList<OutboxClaim> claims;
        do
        {
            var now = clock.GetUtcNow();
            claims = await store.ClaimPendingAsync(_owner, now, DispatchLease, Settings.BatchSize, ct);
            foreach (var claim in claims)
            {
                var message = claim.Message;
                try
                {
                    if (!users.TryGetValue(message.TenantId, out var tenantUsers))
                    {
                        tenantUsers = await documents.ListAsync<AppUser>(message.TenantId, DocumentKinds.User, ct);
                        users[message.TenantId] = tenantUsers;
                    }

                    var recipients = RecipientResolver.Resolve(message, tenantUsers);
                    if (recipients.Count == 0)
                    {
                        LogNoRecipients(log, message.Notification.Id, message.TenantId, message.OpdId,
                            string.Join(",", message.Notification.RecipientRoles), message.Notification.RecipientUnitId);
                    }

                    var inbox = recipients.Select(u => ToEntry(message, u)).ToList();
                    await store.CompleteDispatchAsync(new OutboxDispatch(message.Notification.Id, now, inbox, ToDelivery(message, recipients, now)), ct);
                    dispatched++;
                    entries += inbox.Count;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures++;
                    var retryAt = now + DispatchRetry.DelayAfter(claim.FailedAttempts + 1);
                    LogDispatchFailed(log, e, message.Notification.Id, claim.FailedAttempts + 1, retryAt);
                    await store.RecordDispatchFailureAsync(message.Notification.Id, $"Notifikasi gagal diproses: {e.Message}", retryAt, ct);
                }
            }
        }
        while (claims.Count == Settings.BatchSize);

        if (dispatched > 0)
        {
            LogDispatched(log, dispatched, entries);
        }

        return new DispatchResult(dispatched, failures, entries, 0, 0, 0);
    }

    /// <summary>Attempts every webhook delivery that is due; each failure is scheduled again or, when attempts run out, recorded as failed.</summary>
    public async Task<DispatchResult> DeliverWebhooksAsync(CancellationToken ct = default)
    {
        if (!webhook.IsConfigured)
        {
            return DispatchResult.None;
        }

        var schedule = new RetrySchedule(TimeSpan.FromSeconds(Settings.WebhookBaseDelaySeconds), TimeSpan.FromSeconds(Settings.WebhookMaxDelaySeconds));
        var lease = WebhookClaimSize * TimeSpan.FromSeconds(Settings.WebhookTimeoutSeconds + 5);
        int delivered = 0, retrying = 0, failed = 0;
        IReadOnlyList<WebhookDelivery> due;
        do
        {
            due = await store.ClaimDueWebhooksAsync(_owner, clock.GetUtcNow(), lease, WebhookClaimSize, ct);
            foreach (var delivery in due)
            {
                int attempt = delivery.Attempts + 1;
                var result = await webhook.SendAsync(delivery, attempt, ct);
                var at = clock.GetUtcNow();
                WebhookAttempt record;
                if (result.Delivered)
                {
                    record = new WebhookAttempt(delivery.EventId, at, WebhookDeliveryStatus.Delivered, result.StatusCode, null, null);
                    delivered++;
                    LogWebhookDelivered(log, delivery.EventId, attempt, result.StatusCode);
                }
                else if (result.Retryable && attempt < Settings.WebhookMaxAttempts)
                {
                    // Never earlier than the gateway asked for, nor than our own backoff.
                    var wait = schedule.DelayAfter(attempt);
                    if (result.RetryAfter is { } asked && asked > wait)
                    {
                        wait = asked;
                    }

                    record = new WebhookAttempt(delivery.EventId, at, WebhookDeliveryStatus.Pending, result.StatusCode, result.Error, at + wait);
                    retrying++;
                    LogWebhookRetry(log, delivery.EventId, attempt, result.Error, at + wait);
                }
                else
                {
                    string error = result.Retryable ? $"{result.Error} Gagal setelah {attempt} percobaan." : result.Error!;
                    record = new WebhookAttempt(delivery.EventId, at, WebhookDeliveryStatus.Failed, result.StatusCode, error, null);
                    failed++;
                    LogWebhookFailed(log, delivery.EventId, attempt, error);
                }

                if (!await store.RecordWebhookAttemptAsync(_owner, record, ct))
                {
                    LogLeaseLost(log, delivery.EventId);
                }
            }
        }
        while (due.Count == WebhookClaimSize);

        return new DispatchResult(0, 0, 0, delivered, retrying, failed);
    }

    private static InboxEntry ToEntry(OutboxMessage message, AppUser user)
    {
        var n = message.Notification;
        return new InboxEntry
        {
            Id = InboxEntry.IdFor(n.Id, user.Id),
            TenantId = message.TenantId,
            UserId = user.Id,
            OutboxId = n.Id,
            OpdId = message.OpdId,
            RunId = n.RunId,
            StepId = n.StepId,
            UnitId = n.UnitId,
            Kind = n.Kind,
            Message = n.Message,
            DueAt = n.DueAt,
            EscalationLevel = n.EscalationLevel,
            CreatedAt = n.At,
        };
    }

    /// <summary>The webhook delivery of a message, its payload fixed now; null while no webhook is configured.</summary>
    private WebhookDelivery? ToDelivery(OutboxMessage message, IReadOnlyList<AppUser> recipients, DateTimeOffset now)
    {
        if (!webhook.IsConfigured)
        {
            return null;
        }

        var n = message.Notification;
        var payload = new WebhookPayload(n.Id, n.Kind, NotificationTitles.Of(n.Kind), n.Message, message.TenantId, message.OpdId, n.RunId,
            n.StepId, n.UnitId, n.DueAt, n.EscalationLevel, n.At, n.RecipientRoles, n.RecipientUnitId,
            [.. recipients.Select(u => new WebhookRecipient(u.Id, u.Name, u.Jabatan, u.Roles, u.UnitId))]);
        return new WebhookDelivery
        {
            EventId = n.Id,
            TenantId = message.TenantId,
            OpdId = message.OpdId,
            Kind = JsonNamingPolicy.KebabCaseLower.ConvertName(n.Kind.ToString()),
            PayloadJson = JsonSerializer.Serialize(payload, CoreJson.Options),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Dispatched {Count} notifications into {Entries} inbox entries")]
    private static partial void LogDispatched(ILogger logger, int count, int entries);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Notification {NotificationId} has no recipients in tenant {TenantId}, OPD {OpdId} (roles {Roles}, unit {UnitId})")]
    private static partial void LogNoRecipients(ILogger logger, string notificationId, string tenantId, string opdId, string roles, string? unitId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Dispatch of notification {NotificationId} failed (attempt {Attempt}); retrying at {RetryAt}")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string notificationId, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Webhook for notification {NotificationId} delivered on attempt {Attempt} (HTTP {StatusCode})")]
    private static partial void LogWebhookDelivered(ILogger logger, string notificationId, int attempt, int? statusCode);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Webhook for notification {NotificationId} failed on attempt {Attempt}: {Error}; next attempt at {NextAttemptAt}")]
    private static partial void LogWebhookRetry(ILogger logger, string notificationId, int attempt, string? error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Error, Message = "Webhook for notification {NotificationId} failed for good after {Attempt} attempts: {Error}")]
    private static partial void LogWebhookFailed(ILogger logger, string notificationId, int attempt, string error);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Webhook lease for notification {NotificationId} passed to another dispatcher; its attempt was not recorded")]
    private static partial void LogLeaseLost(ILogger logger, string notificationId);
}
