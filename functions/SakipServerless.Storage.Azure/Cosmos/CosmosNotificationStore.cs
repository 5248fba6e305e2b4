using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// Notification delivery state in the <c>runs</c> container, all in the pemda's partition: pending messages and their
/// leases inside the run items (<see cref="RunItemOutbox"/>), one item per inbox entry (<c>inbox|{entry id}</c>) and per
/// webhook delivery (<c>webhook|{event id}</c>).
/// </summary>
/// <remarks>
/// <para>No query crosses partitions (costly on Cosmos DB, and the test server cannot run them): the dispatcher reads
/// which pemda have work waiting (<see cref="PendingSignals"/>, one partition) and asks only those pemda's partitions for
/// the run items whose <c>pendingOutbox</c> is set, or for their pending webhook deliveries; every ten minutes it visits
/// every pemda of the registry (<see cref="IDocumentStore.ListTenantIdsAsync"/>) as a safety net. A pass therefore costs
/// one query plus one per pemda with work, whatever the number of pemda and runs.</para>
/// <para>Every write is idempotent or guarded: inbox entries and deliveries are created under deterministic ids (409
/// means written before, and is left as it is); leases, dispatched marks (the message leaves the run item), reads and
/// webhook attempts are ETag-guarded replaces retried on 412 (<see cref="GuardedEdit"/>), so a transition saved at the
/// same moment is never lost, and a run save that meets a lease reapplies on top of it.</para>
/// <para>The test server has no ORDER BY, TOP or COUNT: queries filter on the partition key and the item's fields, and
/// sorting, limits and counts are done in memory on what one pemda (or one user's inbox) holds.</para>
/// <para>Messages, leases and deliveries named only by id (a failed dispatch, a webhook attempt) are found through the
/// pemda remembered when they were claimed; after a restart, by asking each pemda's partition for the run id.</para>
/// </remarks>
public sealed class CosmosNotificationStore : INotificationStore
{
    /// <summary>A message whose JSON no longer reads is parked this long instead of being claimed on every pass.</summary>
    private static readonly TimeSpan UnreadableRetry = TimeSpan.FromHours(1);

    private const string RetryOwner = "retry";

    /// <summary>How often a pass visits every pemda instead of the signalled ones: a safety net for a signal lost in a crash.</summary>
    private static readonly TimeSpan FullScanInterval = TimeSpan.FromMinutes(10);

    private readonly Container _runs;
    private readonly CosmosCalls _calls;
    private readonly GuardedEdit _edit;
    private readonly IDocumentStore _tenants;
    private readonly PendingSignals _signals;
    private readonly TimeProvider _clock;

    /// <summary>When each kind of work last visited every pemda, signalled or not (see <see cref="FullScanInterval"/>).</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastFullScan = new(StringComparer.Ordinal);

    /// <summary>Run id → pemda, learnt from claims and dispatches; run ids are global and never move, so an entry never goes stale.</summary>
    private readonly ConcurrentDictionary<string, string> _tenantOfRun = new(StringComparer.Ordinal);

    public CosmosNotificationStore(CosmosContainers containers, CosmosStorageOptions options, TimeProvider clock, IDocumentStore tenants)
    {
        _runs = containers.Runs;
        _calls = new CosmosCalls(options, clock);
        _edit = new GuardedEdit(_runs, _calls, "tenantId");
        _tenants = tenants;
        _signals = new PendingSignals(containers.Due, _calls);
        _clock = clock;
    }

    public async Task<IReadOnlyList<OutboxClaim>> ClaimPendingAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct = default)
    {
        var candidates = new List<(string TenantId, string ItemId, Notification Message)>();
        var unreadable = new List<(string TenantId, string ItemId, string Id)>();
        foreach (var (tenantId, signal) in await PemdaToVisitAsync(PendingSignals.Outbox, ct))
        {
            var items = await _calls.QueryAsync(_runs, tenantId, new QueryDefinition(
                $"SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'run' AND c.{RunItemOutbox.Pending} = true").WithParameter("@t", tenantId), ct);
            if (items.Count == 0 && signal is not null)
            {
                await _signals.ClearAsync(PendingSignals.Outbox, tenantId, signal, ct);
            }

            foreach (var item in items)
            {
                string itemId = (string)item["id"]!;
                foreach (var (id, raw) in RunItemOutbox.Raw(item))
                {
                    if (!RunItemOutbox.StateOf(item, id).IsFree(now))
                    {
                        continue;
                    }

                    if (TryRead(raw) is { } message)
                    {
                        candidates.Add((tenantId, itemId, message));
                    }
                    else
                    {
                        unreadable.Add((tenantId, itemId, id));
                    }
                }
            }
        }

        foreach (var (tenantId, itemId, id) in unreadable)
        {
            await _edit.ApplyAsync(tenantId, itemId, item => Fail(item, id, "Isi pesan outbox tidak dapat dibaca.", now + UnreadableRetry), ct);
        }

        var chosen = candidates.OrderBy(c => c.Message.At).ThenBy(c => c.Message.Id, StringComparer.Ordinal).Take(limit).ToList();
        var claims = new List<OutboxClaim>();
        foreach (var run in chosen.GroupBy(c => (c.TenantId, c.ItemId)))
        {
            var leased = new List<OutboxClaim>();
            var outcome = await _edit.ApplyAsync(run.Key.TenantId, run.Key.ItemId, item =>
            {
                leased.Clear();
                string opdId = (string)item["opdId"]!;
                foreach (var (_, _, message) in run)
                {
                    var state = RunItemOutbox.StateOf(item, message.Id);
                    if (RunItemOutbox.Contains(item, message.Id) && state.IsFree(now))
                    {
                        RunItemOutbox.Put(item, state with { Owner = owner, Until = (now + lease).ToUnixTimeMilliseconds() });
                        leased.Add(new OutboxClaim(new OutboxMessage(run.Key.TenantId, opdId, message), state.Attempts));
                    }
                }

                return leased.Count > 0;
            }, ct);
            if (outcome == EditOutcome.Written)
            {
                claims.AddRange(leased);
                foreach (var claim in leased)
                {
                    _tenantOfRun[claim.Message.Notification.RunId] = run.Key.TenantId;
                }
            }
        }

        return claims.OrderBy(c => c.Message.Notification.At).ThenBy(c => c.Message.Notification.Id, StringComparer.Ordinal).ToList();
    }

    public async Task CompleteDispatchAsync(OutboxDispatch dispatch, CancellationToken ct = default)
    {
        foreach (var entry in dispatch.Entries)
        {
            await CreateOnceAsync(entry.TenantId, InboxItem(entry), ct);
        }

        if (dispatch.Webhook is { } webhook)
        {
            await _signals.RaiseAsync(PendingSignals.Webhooks, webhook.TenantId, ct);
            await CreateOnceAsync(webhook.TenantId, WebhookItem(webhook with { Status = WebhookDeliveryStatus.Pending, NextAttemptAt = webhook.NextAttemptAt ?? webhook.CreatedAt }), ct);
            await _signals.RaiseAsync(PendingSignals.Webhooks, webhook.TenantId, ct);
        }

        // Last, so a crash before it leaves the message pending and a later dispatch writes the same ids again (no-ops).
        string? hint = dispatch.Entries.FirstOrDefault()?.TenantId ?? dispatch.Webhook?.TenantId;
        if (await LocateRunAsync(RunIdOf(dispatch.OutboxId), hint, ct) is { } run)
        {
            await _edit.ApplyAsync(run.TenantId, run.ItemId, item => RunItemOutbox.Remove(item, dispatch.OutboxId), ct);
        }
    }

    public async Task RecordDispatchFailureAsync(string outboxId, string error, DateTimeOffset retryAt, CancellationToken ct = default)
    {
        if (await LocateRunAsync(RunIdOf(outboxId), null, ct) is { } run)
        {
            await _edit.ApplyAsync(run.TenantId, run.ItemId, item => Fail(item, outboxId, error, retryAt), ct);
        }
    }

    public async Task<InboxPage> ListInboxAsync(string tenantId, string userId, bool unreadOnly, int limit, CancellationToken ct = default)
    {
        // Without COUNT or TOP on the test server, the user's entries are read and counted here; unread-only pages read less.
        var items = await _calls.QueryAsync(_runs, tenantId, new QueryDefinition(
                $"SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'inbox' AND c.userId = @u{(unreadOnly ? " AND c.unread = true" : "")}")
            .WithParameter("@t", tenantId).WithParameter("@u", userId), ct);
        var entries = items.Select(i => i["entry"].Deserialize<InboxEntry>(CoreJson.Options)!).ToList();
        var page = entries.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id, StringComparer.Ordinal).Take(limit).ToList();
        return new InboxPage(page, entries.Count(e => e.ReadAt is null));
    }

    public async Task<bool> MarkReadAsync(string tenantId, string userId, string entryId, DateTimeOffset at, CancellationToken ct = default)
    {
        bool mine = false;
        await _edit.ApplyAsync(tenantId, InboxItemId(entryId), item =>
        {
            mine = (string?)item["userId"] == userId;
            return mine && MarkRead(item, at);
        }, ct);
        return mine;
    }

    public async Task<int> MarkAllReadAsync(string tenantId, string userId, DateTimeOffset at, CancellationToken ct = default)
    {
        var unread = await _calls.QueryAsync(_runs, tenantId, new QueryDefinition(
                "SELECT c.id FROM c WHERE c.tenantId = @t AND c.type = 'inbox' AND c.userId = @u AND c.unread = true")
            .WithParameter("@t", tenantId).WithParameter("@u", userId), ct);
        int changed = 0;
        foreach (var item in unread)
        {
            if (await _edit.ApplyAsync(tenantId, (string)item["id"]!, i => MarkRead(i, at), ct) == EditOutcome.Written)
            {
                changed++;
            }
        }

        return changed;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueWebhooksAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct = default)
    {
        var due = new List<(string TenantId, WebhookDelivery Delivery)>();
        foreach (var (tenantId, signal) in await PemdaToVisitAsync(PendingSignals.Webhooks, ct))
        {
            var items = await _calls.QueryAsync(_runs, tenantId, new QueryDefinition(
                "SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'webhook' AND c.delivery.status = 'pending'").WithParameter("@t", tenantId), ct);
            if (items.Count == 0 && signal is not null)
            {
                await _signals.ClearAsync(PendingSignals.Webhooks, tenantId, signal, ct);
            }

            due.AddRange(items.Where(i => IsDue(i, now)).Select(i => (tenantId, Delivery(i))));
        }

        var claimed = new List<WebhookDelivery>();
        foreach (var (tenantId, delivery) in due.OrderBy(d => d.Delivery.NextAttemptAt).ThenBy(d => d.Delivery.CreatedAt).Take(limit))
        {
            WebhookDelivery? leased = null;
            var outcome = await _edit.ApplyAsync(tenantId, WebhookItemId(delivery.EventId), item =>
            {
                if (!IsDue(item, now))
                {
                    return false; // another dispatcher took it or it was attempted meanwhile
                }

                item["leaseOwner"] = owner;
                item["leaseUntil"] = (now + lease).ToUnixTimeMilliseconds();
                leased = Delivery(item);
                return true;
            }, ct);
            if (outcome == EditOutcome.Written && leased is not null)
            {
                claimed.Add(leased);
                _tenantOfRun[RunIdOf(leased.EventId)] = tenantId;
            }
        }

        return claimed;
    }

    public async Task<bool> RecordWebhookAttemptAsync(string owner, WebhookAttempt attempt, CancellationToken ct = default)
    {
        string itemId = WebhookItemId(attempt.EventId);
        foreach (string tenantId in await TenantsToSearchAsync(RunIdOf(attempt.EventId), null, ct))
        {
            var outcome = await _edit.ApplyAsync(tenantId, itemId, item =>
            {
                var delivery = Delivery(item);
                if ((string?)item["leaseOwner"] != owner || delivery.Status != WebhookDeliveryStatus.Pending)
                {
                    return false;
                }

                var recorded = delivery with
                {
                    Attempts = delivery.Attempts + 1,
                    Status = attempt.Result,
                    LastAttemptAt = attempt.At,
                    LastStatusCode = attempt.StatusCode,
                    LastError = attempt.Error ?? delivery.LastError,
                    NextAttemptAt = attempt.NextAttemptAt,
                    DeliveredAt = attempt.Result == WebhookDeliveryStatus.Delivered ? attempt.At : delivery.DeliveredAt,
                    FailedAt = attempt.Result == WebhookDeliveryStatus.Failed ? attempt.At : delivery.FailedAt,
                };
                item["delivery"] = JsonSerializer.SerializeToNode(recorded, CoreJson.Options);
                item["leaseOwner"] = null;
                item["leaseUntil"] = null;
                return true;
            }, ct);
            if (outcome != EditOutcome.Missing)
            {
                return outcome == EditOutcome.Written;
            }
        }

        return false;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListWebhookDeliveriesAsync(WebhookDeliveryQuery query, CancellationToken ct = default)
    {
        string sql = "SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'webhook'";
        var definition = new QueryDefinition(query.Status is null ? sql : sql + " AND c.delivery.status = @s").WithParameter("@t", query.TenantId);
        if (query.Status is { } status)
        {
            definition = definition.WithParameter("@s", JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString()));
        }

        var items = await _calls.QueryAsync(_runs, query.TenantId, definition, ct);
        return items.Select(Delivery)
            .Where(d => !query.ProblemsOnly || d.Status == WebhookDeliveryStatus.Failed || (d.Status == WebhookDeliveryStatus.Pending && d.Attempts > 0))
            .OrderByDescending(d => d.LastAttemptAt ?? d.CreatedAt).ThenBy(d => d.EventId, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
    }

    /// <summary>
    /// The pemda signalled for <paramref name="kind"/> (with the signal's ETag, to clear it when nothing is pending), and
    /// every other pemda too when the last full visit is <see cref="FullScanInterval"/> old (their ETag is null).
    /// </summary>
    private async Task<IReadOnlyList<(string TenantId, string? Signal)>> PemdaToVisitAsync(string kind, CancellationToken ct)
    {
        var visit = (await _signals.ListAsync(kind, ct)).Select(s => (s.TenantId, (string?)s.ETag)).ToList();
        var now = _clock.GetUtcNow();
        if (now - _lastFullScan.GetValueOrDefault(kind, DateTimeOffset.MinValue) >= FullScanInterval || now < _lastFullScan[kind])
        {
            _lastFullScan[kind] = now;
            var signalled = visit.Select(v => v.TenantId).ToHashSet(StringComparer.Ordinal);
            visit.AddRange((await _tenants.ListTenantIdsAsync(ct)).Where(t => !signalled.Contains(t)).Select(t => (t, (string?)null)));
        }

        return visit;
    }

    /// <summary>Creates an item under its deterministic id; one that exists already (a repeated dispatch) is left as it is.</summary>
    private async Task CreateOnceAsync(string tenantId, JsonObject item, CancellationToken ct)
    {
        using var response = await _calls.SendAsync(() => _runs.CreateItemStreamAsync(CosmosCalls.ToStream(item), new PartitionKey(tenantId), cancellationToken: ct), ct);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            CosmosCalls.Ensure(response, $"{(string?)item["type"]} write");
        }
    }

    /// <summary>The run item holding a message of <paramref name="runId"/>, searched in the pemda known for it, else in each.</summary>
    private async Task<(string TenantId, string ItemId)?> LocateRunAsync(string runId, string? tenantHint, CancellationToken ct)
    {
        foreach (string tenantId in await TenantsToSearchAsync(runId, tenantHint, ct))
        {
            var found = await _calls.QueryAsync(_runs, tenantId, new QueryDefinition(
                "SELECT c.id FROM c WHERE c.tenantId = @t AND c.type = 'run' AND c.runId = @r").WithParameter("@t", tenantId).WithParameter("@r", runId), ct);
            if (found.FirstOrDefault() is { } item)
            {
                _tenantOfRun[runId] = tenantId;
                return (tenantId, (string)item["id"]!);
            }
        }

        return null;
    }

    private async Task<IEnumerable<string>> TenantsToSearchAsync(string runId, string? hint, CancellationToken ct)
    {
        string? known = hint ?? _tenantOfRun.GetValueOrDefault(runId);
        var all = await _tenants.ListTenantIdsAsync(ct);
        return known is null ? all : [known, .. all.Where(t => t != known)];
    }

    private static bool Fail(JsonObject item, string messageId, string error, DateTimeOffset retryAt)
    {
        if (!RunItemOutbox.Contains(item, messageId))
        {
            return false; // dispatched meanwhile
        }

        var state = RunItemOutbox.StateOf(item, messageId);
        RunItemOutbox.Put(item, state with { Owner = RetryOwner, Until = retryAt.ToUnixTimeMilliseconds(), Attempts = state.Attempts + 1, LastError = error });
        return true;
    }

    /// <summary>Sets the read time unless the entry was read before (the first reading counts).</summary>
    private static bool MarkRead(JsonObject item, DateTimeOffset at)
    {
        var entry = item["entry"].Deserialize<InboxEntry>(CoreJson.Options)!;
        if (entry.ReadAt is not null)
        {
            return false;
        }

        item["entry"] = JsonSerializer.SerializeToNode(entry with { ReadAt = at }, CoreJson.Options);
        item["unread"] = false;
        return true;
    }

    private static bool IsDue(JsonObject item, DateTimeOffset now)
    {
        var delivery = Delivery(item);
        long? leaseUntil = (long?)item["leaseUntil"];
        return delivery.Status == WebhookDeliveryStatus.Pending && delivery.NextAttemptAt is { } next && next <= now
            && (leaseUntil is null || leaseUntil <= now.ToUnixTimeMilliseconds());
    }

    private static Notification? TryRead(JsonNode raw)
    {
        try
        {
            return raw.Deserialize<Notification>(CoreJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static WebhookDelivery Delivery(JsonObject item) => item["delivery"].Deserialize<WebhookDelivery>(CoreJson.Options)!;

    private static JsonObject InboxItem(InboxEntry entry) => new()
    {
        ["id"] = InboxItemId(entry.Id),
        ["tenantId"] = entry.TenantId,
        ["type"] = "inbox",
        ["userId"] = entry.UserId,
        ["unread"] = entry.ReadAt is null,
        ["entry"] = JsonSerializer.SerializeToNode(entry, CoreJson.Options),
    };

    private static JsonObject WebhookItem(WebhookDelivery delivery) => new()
    {
        ["id"] = WebhookItemId(delivery.EventId),
        ["tenantId"] = delivery.TenantId,
        ["type"] = "webhook",
        ["delivery"] = JsonSerializer.SerializeToNode(delivery, CoreJson.Options),
    };

    private static string InboxItemId(string entryId) => $"inbox|{entryId}";

    /// <summary>Event ids carry '#', which Cosmos DB ids may not; a hash keeps the id deterministic.</summary>
    private static string WebhookItemId(string eventId) =>
        "webhook|" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(eventId)), 0, 16);

    /// <summary>Outbox ids are <c>{run id}#{history seq}.{n}</c>.</summary>
    private static string RunIdOf(string outboxId) => outboxId.Split('#')[0];
}
