using System.Text.Json;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Contract;

/// <summary>
/// What every <see cref="INotificationStore"/> adapter must do, as tests: the SQLite and Cosmos DB adapters derive from
/// this class and supply their own store and outbox writer.
/// </summary>
public abstract class NotificationStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 4, 6, 0, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected abstract INotificationStore Store { get; }

    /// <summary>Puts a message into the outbox the way the run store does with a transition.</summary>
    protected abstract Task AppendOutboxAsync(OutboxMessage message);

    [Fact]
    public async Task Claim_TakesPendingMessagesOldestFirst_AndSkipsThoseLeasedToAnother()
    {
        await AppendAsync("run-1#2.1", T0.AddMinutes(2));
        await AppendAsync("run-1#1.1", T0.AddMinutes(1));
        await AppendAsync("run-1#3.1", T0.AddMinutes(3));

        var a = await Store.ClaimPendingAsync("a", T0.AddMinutes(5), Lease, 2);
        var b = await Store.ClaimPendingAsync("b", T0.AddMinutes(5), Lease, 10);

        Assert.Equal(["run-1#1.1", "run-1#2.1"], a.Select(c => c.Message.Notification.Id));
        Assert.Equal(["run-1#3.1"], b.Select(c => c.Message.Notification.Id));
        Assert.Empty(await Store.ClaimPendingAsync("c", T0.AddMinutes(5), Lease, 10));
        Assert.Equal(3, (await Store.ClaimPendingAsync("c", T0.AddMinutes(5) + Lease, Lease, 10)).Count); // leases ran out
    }

    [Fact]
    public async Task Claim_ReturnsTheMessageAsWritten()
    {
        var written = await AppendAsync("run-1#1.1", T0, roles: ["kabid", WellKnownRoles.HeadOfOpd], unit: "bid-a");

        var claim = Assert.Single(await Store.ClaimPendingAsync("a", T0, Lease, 10));

        Assert.Equal(("tenant-a", "opd-a", 0), (claim.Message.TenantId, claim.Message.OpdId, claim.FailedAttempts));
        Assert.Equal(JsonSerializer.Serialize(written.Notification, CoreJson.Options), JsonSerializer.Serialize(claim.Message.Notification, CoreJson.Options));
    }

    [Fact]
    public async Task CompleteDispatch_Twice_WritesEachEntryOnce_AndEndsThePending()
    {
        var message = await AppendAsync("run-1#1.1", T0);
        await Store.ClaimPendingAsync("a", T0, Lease, 10);
        var dispatch = new OutboxDispatch("run-1#1.1", T0, [Entry(message, "u1"), Entry(message, "u2")], Delivery(message));

        await Store.CompleteDispatchAsync(dispatch);
        await Store.CompleteDispatchAsync(dispatch with { DispatchedAt = T0.AddMinutes(1) });

        Assert.Single((await Store.ListInboxAsync("tenant-a", "u1", false, 10)).Entries);
        Assert.Single((await Store.ListInboxAsync("tenant-a", "u2", false, 10)).Entries);
        Assert.Single(await Store.ListWebhookDeliveriesAsync(new WebhookDeliveryQuery("tenant-a")));
        Assert.Empty(await Store.ClaimPendingAsync("b", T0.AddDays(1), Lease, 10));
    }

    [Fact]
    public async Task DispatchFailure_HoldsTheMessageBackUntilItsRetryTime_AndCountsIt()
    {
        await AppendAsync("run-1#1.1", T0);
        await Store.ClaimPendingAsync("a", T0, Lease, 10);

        await Store.RecordDispatchFailureAsync("run-1#1.1", "master data tidak terbaca", T0.AddMinutes(10));

        Assert.Empty(await Store.ClaimPendingAsync("a", T0.AddMinutes(9), Lease, 10));
        var again = Assert.Single(await Store.ClaimPendingAsync("b", T0.AddMinutes(10), Lease, 10));
        Assert.Equal(1, again.FailedAttempts);
    }

    [Fact]
    public async Task Inbox_IsKeyedByTenantAndUser_NewestFirst_WithItsUnreadCount()
    {
        var older = await AppendAsync("run-1#1.1", T0);
        var newer = await AppendAsync("run-1#2.1", T0.AddHours(1));
        var elsewhere = await AppendAsync("run-9#1.1", T0, tenant: "tenant-b");
        await Store.CompleteDispatchAsync(new OutboxDispatch("run-1#1.1", T0, [Entry(older, "u1"), Entry(older, "u2")], null));
        await Store.CompleteDispatchAsync(new OutboxDispatch("run-1#2.1", T0, [Entry(newer, "u1")], null));
        await Store.CompleteDispatchAsync(new OutboxDispatch("run-9#1.1", T0, [Entry(elsewhere, "u1")], null));

        var page = await Store.ListInboxAsync("tenant-a", "u1", false, 10);
        Assert.Equal(["run-1#2.1", "run-1#1.1"], page.Entries.Select(e => e.OutboxId));
        Assert.Equal(2, page.UnreadCount);
        Assert.Equal(2, (await Store.ListInboxAsync("tenant-a", "u1", false, 1)).UnreadCount); // the count covers the whole inbox
        Assert.Single((await Store.ListInboxAsync("tenant-b", "u1", false, 10)).Entries);

        string id = InboxEntry.IdFor("run-1#1.1", "u1");
        Assert.False(await Store.MarkReadAsync("tenant-a", "u2", id, T0));
        Assert.False(await Store.MarkReadAsync("tenant-b", "u1", id, T0));
        Assert.True(await Store.MarkReadAsync("tenant-a", "u1", id, T0.AddHours(2)));
        Assert.True(await Store.MarkReadAsync("tenant-a", "u1", id, T0.AddHours(3)));

        var read = (await Store.ListInboxAsync("tenant-a", "u1", false, 10)).Entries.Single(e => e.Id == id);
        Assert.Equal(T0.AddHours(2), read.ReadAt); // the first reading counts
        Assert.Equal(["run-1#2.1"], (await Store.ListInboxAsync("tenant-a", "u1", true, 10)).Entries.Select(e => e.OutboxId));
        Assert.Equal(1, await Store.MarkAllReadAsync("tenant-a", "u1", T0.AddHours(4)));
        Assert.Equal(0, (await Store.ListInboxAsync("tenant-a", "u1", false, 10)).UnreadCount);
        Assert.Equal(1, (await Store.ListInboxAsync("tenant-a", "u2", false, 10)).UnreadCount);
        Assert.Equal(1, (await Store.ListInboxAsync("tenant-b", "u1", false, 10)).UnreadCount);
    }

    [Fact]
    public async Task InboxEntry_KeepsEveryField()
    {
        var message = await AppendAsync("run-1#1.1", T0, unit: "bid-a");
        var entry = Entry(message, "u1");

        await Store.CompleteDispatchAsync(new OutboxDispatch("run-1#1.1", T0, [entry], null));

        Assert.Equal(entry, Assert.Single((await Store.ListInboxAsync("tenant-a", "u1", false, 10)).Entries));
    }

    [Fact]
    public async Task WebhookDelivery_IsLeasedToOneOwner_AndOnlyThatOwnerRecordsItsAttempt()
    {
        var message = await AppendAsync("run-1#1.1", T0);
        await Store.CompleteDispatchAsync(new OutboxDispatch("run-1#1.1", T0, [], Delivery(message)));

        var claimed = Assert.Single(await Store.ClaimDueWebhooksAsync("a", T0, Lease, 10));
        Assert.Empty(await Store.ClaimDueWebhooksAsync("b", T0, Lease, 10));
        var retry = new WebhookAttempt(claimed.EventId, T0, WebhookDeliveryStatus.Pending, 503, "Gateway menjawab 503.", T0.AddMinutes(5));
        Assert.False(await Store.RecordWebhookAttemptAsync("b", retry));
        Assert.True(await Store.RecordWebhookAttemptAsync("a", retry));

        Assert.Empty(await Store.ClaimDueWebhooksAsync("b", T0.AddMinutes(4), Lease, 10));
        var second = Assert.Single(await Store.ClaimDueWebhooksAsync("b", T0.AddMinutes(5), Lease, 10));
        Assert.Equal((1, "Gateway menjawab 503.", 503), (second.Attempts, second.LastError, second.LastStatusCode));
        Assert.Equal(message.Notification.Id, second.EventId);
        Assert.Equal(Delivery(message).PayloadJson, second.PayloadJson);

        var problems = await Store.ListWebhookDeliveriesAsync(new WebhookDeliveryQuery("tenant-a", ProblemsOnly: true));
        Assert.Equal(WebhookDeliveryStatus.Pending, Assert.Single(problems).Status);

        Assert.True(await Store.RecordWebhookAttemptAsync("b", new WebhookAttempt(second.EventId, T0.AddMinutes(5), WebhookDeliveryStatus.Delivered, 200, null, null)));
        var delivered = Assert.Single(await Store.ListWebhookDeliveriesAsync(new WebhookDeliveryQuery("tenant-a", WebhookDeliveryStatus.Delivered)));
        Assert.Equal((2, T0.AddMinutes(5), (DateTimeOffset?)null), (delivered.Attempts, delivered.DeliveredAt, delivered.NextAttemptAt));
        Assert.Empty(await Store.ListWebhookDeliveriesAsync(new WebhookDeliveryQuery("tenant-a", ProblemsOnly: true)));
        Assert.Empty(await Store.ClaimDueWebhooksAsync("c", T0.AddDays(1), Lease, 10));
        Assert.False(await Store.RecordWebhookAttemptAsync("b", retry)); // a delivered one takes no more attempts
    }

    [Fact]
    public async Task FailedWebhook_IsListedAsAProblem_OfItsTenantOnly()
    {
        var message = await AppendAsync("run-1#1.1", T0);
        await Store.CompleteDispatchAsync(new OutboxDispatch("run-1#1.1", T0, [], Delivery(message)));
        await Store.ClaimDueWebhooksAsync("a", T0, Lease, 10);

        await Store.RecordWebhookAttemptAsync("a", new WebhookAttempt("run-1#1.1", T0, WebhookDeliveryStatus.Failed, 410, "Ditolak.", null));

        var failed = Assert.Single(await Store.ListWebhookDeliveriesAsync(new WebhookDeliveryQuery("tenant-a", ProblemsOnly: true)));
        Assert.Equal((WebhookDeliveryStatus.Failed, T0, 1), (failed.Status, failed.FailedAt, failed.Attempts));
        Assert.Empty(await Store.ListWebhookDeliveriesAsync(new WebhookDeliveryQuery("tenant-b", ProblemsOnly: true)));
        Assert.Empty(await Store.ClaimDueWebhooksAsync("a", T0.AddDays(1), Lease, 10));
    }

    private async Task<OutboxMessage> AppendAsync(string id, DateTimeOffset at, string tenant = "tenant-a", IReadOnlyList<string>? roles = null, string? unit = null)
    {
        var message = new OutboxMessage(tenant, "opd-a", new Notification
        {
            Id = id,
            At = at,
            Kind = unit is null ? NotificationKind.TaskAssigned : NotificationKind.UnitTaskAssigned,
            RunId = id.Split('#')[0],
            StepId = "langkah-1",
            UnitId = unit,
            RecipientRoles = roles ?? ["kabid"],
            RecipientUnitId = unit,
            Message = "Tugas baru: langkah 1. Batas waktu Senin, 6 April 2026 08.45 WITA.",
            DueAt = new DateTimeOffset(2026, 4, 6, 8, 45, 0, TimeSpan.FromHours(8)),
            EscalationLevel = 1,
        });
        await AppendOutboxAsync(message);
        return message;
    }

    private static InboxEntry Entry(OutboxMessage message, string userId) => new()
    {
        Id = InboxEntry.IdFor(message.Notification.Id, userId),
        TenantId = message.TenantId,
        UserId = userId,
        OutboxId = message.Notification.Id,
        OpdId = message.OpdId,
        RunId = message.Notification.RunId,
        StepId = message.Notification.StepId,
        UnitId = message.Notification.UnitId,
        Kind = message.Notification.Kind,
        Message = message.Notification.Message,
        DueAt = message.Notification.DueAt,
        EscalationLevel = message.Notification.EscalationLevel,
        CreatedAt = message.Notification.At,
    };

    private static WebhookDelivery Delivery(OutboxMessage message) => new()
    {
        EventId = message.Notification.Id,
        TenantId = message.TenantId,
        OpdId = message.OpdId,
        Kind = "task-assigned",
        PayloadJson = $$"""{"id":"{{message.Notification.Id}}"}""",
        CreatedAt = T0,
        NextAttemptAt = T0,
    };
}
