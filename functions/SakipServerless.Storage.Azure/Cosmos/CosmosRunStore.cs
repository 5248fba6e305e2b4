using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// Runs in the <c>runs</c> container (partition: pemda). One item per run carries its state, history, pending outbox and
/// recent idempotency records, so one guarded replace is one atomic transition.
/// </summary>
/// <remarks>
/// <para>The item id is the run's natural key (OPD, template, period), so a second start is a 409 from Cosmos itself.</para>
/// <para>Saves are guarded twice: the stored <c>version</c> must equal the expected one, and the replace carries the
/// item's ETag (If-Match), so a write decided on stale state fails with 412 → <see cref="ConcurrencyConflictException"/>.</para>
/// <para>The item also carries the run's dashboard projection (<see cref="DashboardProjection"/>), written in the same
/// replace, so the dashboard's read model is never behind or ahead of the transition. The dispatcher edits only the
/// item's outbox bookkeeping (<see cref="RunItemOutbox"/>), also ETag-guarded; a save that meets such an edit (412 at an
/// unchanged version) reads again and reapplies, so neither write is lost.</para>
/// <para>Derived items (due-index entries, idempotency pointers, unit-submission items) are written around the run item
/// in an order that leaves at worst a stale derived item after a crash, never a lost transition. Once the run item is
/// written the transition has happened, so a failure of the writes after it (removing the old due entry, the dispatcher's
/// signal, submission items) is logged, not thrown: the caller must not be told that nothing changed. Each of them heals
/// by itself — the sweep drops stale due entries, the dispatcher visits every pemda every few minutes, submission items
/// are rewritten at the run's next save.</para>
/// </remarks>
public sealed class CosmosRunStore : IRunStore
{
    private const int IdempotencyKept = 100;

    /// <summary>Re-reads after a 412 while the run's version is unchanged (the dispatcher's outbox bookkeeping wrote in between).</summary>
    private const int BookkeepingRetries = 10;

    private readonly Container _runs;
    private readonly CosmosCalls _calls;
    private readonly DueIndex _due;
    private readonly PendingSignals _signals;
    private readonly bool _dueIndex;
    private readonly ILogger _log;

    public CosmosRunStore(CosmosContainers containers, CosmosStorageOptions options, TimeProvider clock, ILogger<CosmosRunStore>? log = null)
    {
        _log = log ?? NullLogger<CosmosRunStore>.Instance;
        _runs = containers.Runs;
        _calls = new CosmosCalls(options, clock);
        _due = new DueIndex(containers.Due, _calls, clock);
        _signals = new PendingSignals(containers.Due, _calls);
        _dueIndex = options.DueIndex;
    }

    public async Task CreateAsync(SopRun run, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
    {
        string itemId = ItemId(run);
        var outbox = run.DrainOutbox();
        try
        {
            var item = Build(run, outbox, null, [], idempotency);
            if (idempotency is not null)
            {
                await PutPointerAsync(idempotency, itemId, ct);
            }

            if (_dueIndex && run.NextDeadline is { } due)
            {
                item["dueBucket"] = await _due.PutAsync(run.TenantId, itemId, run.Id, due, ct);
            }

            await SignalOutboxAsync(run.TenantId, outbox, ct);
            using var response = await _calls.SendAsync(() => _runs.CreateItemStreamAsync(CosmosCalls.ToStream(item), new PartitionKey(run.TenantId), cancellationToken: ct), ct);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                var existing = await FindItemAsync(run.TenantId, "id", itemId, ct);
                throw new RunAlreadyExistsException((string?)existing?["runId"] ?? itemId);
            }

            CosmosCalls.Ensure(response, "run create");
        }
        catch
        {
            run.Outbox.InsertRange(0, outbox); // not stored: the caller's run keeps its messages
            throw;
        }

        await AfterCommitAsync(run, outbox, null, ct);
    }

    public async Task<SopRun?> FindAsync(string tenantId, string runId, CancellationToken ct = default)
    {
        var item = await FindItemAsync(tenantId, "runId", runId, ct);
        return item is null ? null : item["run"].Deserialize<SopRun>(CoreJson.Options);
    }

    public async Task SaveAsync(SopRun run, int expectedVersion, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
    {
        var outbox = run.DrainOutbox();
        (string ItemId, string Bucket)? staleDue = null;
        try
        {
            await SignalOutboxAsync(run.TenantId, outbox, ct);
            for (int attempt = 1; ; attempt++)
            {
                var current = await FindItemAsync(run.TenantId, "runId", run.Id, ct);
                if (current is null || (int)current["version"]! != expectedVersion)
                {
                    throw new ConcurrencyConflictException(run.Id, expectedVersion);
                }

                string itemId = (string)current["id"]!;
                var pending = RunItemOutbox.Read(current);
                var records = current["idempotency"]?.AsArray().Select(n => n!.Deserialize<IdempotencyRecord>(CoreJson.Options)!).ToList() ?? [];
                var item = Build(run, [.. pending, .. outbox], current[RunItemOutbox.State]?.AsArray(), records, idempotency);
                item["id"] = itemId;

                if (idempotency is not null)
                {
                    await PutPointerAsync(idempotency, itemId, ct);
                }

                string? oldBucket = (string?)current["dueBucket"];
                long? oldDue = (long?)current["nextDeadline"];
                long? newDue = _dueIndex ? run.NextDeadline?.ToUnixTimeMilliseconds() : null; // off: an old entry is removed
                if (newDue is not null)
                {
                    item["dueBucket"] = newDue == oldDue ? oldBucket : await _due.PutAsync(run.TenantId, itemId, run.Id, run.NextDeadline!.Value, ct);
                }

                using var response = await _calls.SendAsync(() => _runs.ReplaceItemStreamAsync(CosmosCalls.ToStream(item), itemId, new PartitionKey(run.TenantId),
                    new ItemRequestOptions { IfMatchEtag = (string?)current["_etag"] }, ct), ct);
                if (response.StatusCode == HttpStatusCode.PreconditionFailed)
                {
                    // The item changed since it was read. If the run's version moved, this transition lost the race; if
                    // not, the dispatcher touched only its outbox bookkeeping, so read again and reapply on top of it.
                    if (attempt < BookkeepingRetries)
                    {
                        continue;
                    }

                    throw new ConcurrencyConflictException(run.Id, expectedVersion);
                }

                CosmosCalls.Ensure(response, "run save");
                staleDue = oldBucket is not null && (newDue is null || (string?)item["dueBucket"] != oldBucket)
                    ? (itemId, oldBucket)
                    : null;
                break;
            }
        }
        catch
        {
            run.Outbox.InsertRange(0, outbox);
            throw;
        }

        await AfterCommitAsync(run, outbox, staleDue, ct);
    }

    /// <remarks>
    /// The run item carries the whole history, so the guarded replace of <see cref="SaveAsync"/> is the rewrite. The
    /// submission items of units that only the replaced state had submitted are removed after it, best effort like the
    /// other derived writes.
    /// </remarks>
    public async Task RewriteAsync(SopRun run, int storedVersion, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
    {
        if (run.Version <= storedVersion)
        {
            throw new ArgumentException($"Run '{run.Id}' replaces version {storedVersion} at version {run.Version}, not after it.", nameof(run));
        }

        await SaveAsync(run, storedVersion, idempotency, ct);
        try
        {
            var kept = run.Steps.SelectMany(s => s.UnitTasks.Where(t => t.Submission is not null).Select(t => SubmissionId(run, s.StepId, t.UnitId))).ToHashSet();
            var stored = await _calls.QueryAsync(_runs, run.TenantId, new QueryDefinition("SELECT c.id FROM c WHERE c.tenantId = @t AND c.type = 'submission' AND c.runId = @r")
                .WithParameter("@t", run.TenantId).WithParameter("@r", run.Id), ct);
            foreach (var id in stored.Select(i => (string)i["id"]!).Where(id => !kept.Contains(id)))
            {
                using var response = await _calls.SendAsync(() => _runs.DeleteItemStreamAsync(id, new PartitionKey(run.TenantId), cancellationToken: ct), ct);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    CosmosCalls.Ensure(response, "submission delete");
                }
            }
        }
        catch (Exception e) when (e is CosmosStorageException or CosmosException or HttpRequestException or OperationCanceledException)
        {
            _log.LogWarning(e, "Run {RunId} v{Version} is rewritten; removing the replaced state's submission items failed", run.Id, run.Version);
        }
    }

    /// <summary>The derived writes after the run item: best effort, see the remarks on the class.</summary>
    private async Task AfterCommitAsync(SopRun run, IReadOnlyList<Notification> outbox, (string ItemId, string Bucket)? staleDue, CancellationToken ct)
    {
        try
        {
            if (staleDue is { } old)
            {
                await _due.RemoveAsync(run.TenantId, old.ItemId, old.Bucket, ct);
            }

            await SignalOutboxAsync(run.TenantId, outbox, ct);
            await WriteSubmissionsAsync(run, ct);
        }
        catch (Exception e) when (e is CosmosStorageException or CosmosException or HttpRequestException or OperationCanceledException)
        {
            _log.LogWarning(e, "Run {RunId} v{Version} is stored; a derived write after it failed and will heal by itself", run.Id, run.Version);
        }
    }

    /// <summary>Tells the dispatcher this pemda has new messages; raised before and after the write (see <see cref="PendingSignals"/>).</summary>
    private Task SignalOutboxAsync(string tenantId, IReadOnlyList<Notification> outbox, CancellationToken ct) =>
        outbox.Count == 0 ? Task.CompletedTask : _signals.RaiseAsync(PendingSignals.Outbox, tenantId, ct);

    public async Task<IReadOnlyList<SopRun>> ListAsync(RunQuery query, CancellationToken ct = default)
    {
        var items = await _calls.QueryAsync(_runs, query.TenantId,
            new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'run'").WithParameter("@t", query.TenantId), ct);
        return RunQueryFilter.Apply(items.Select(i => i["run"].Deserialize<SopRun>(CoreJson.Options)!), query);
    }

    public Task<IReadOnlyList<DueRun>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default) =>
        !_dueIndex
            ? throw new InvalidOperationException("The Cosmos run store keeps no due index (Sakip:Engine:Mode=durable): deadlines are the orchestrations' durable timers, and nothing sweeps this store.")
            : _due.FindAsync(now, limit, async (tenantId, runId, dueAt) =>
            {
                var item = await FindItemAsync(tenantId, "runId", runId, ct);
                return item is not null && (long?)item["nextDeadline"] == dueAt.ToUnixTimeMilliseconds();
            }, ct);

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string tenantId, string key, CancellationToken ct = default)
    {
        var pointer = await FindItemAsync(tenantId, "id", PointerId(key), ct);
        if (pointer is null)
        {
            return null;
        }

        // The pointer is written before the transition; only a record inside the run item proves the transition happened.
        var run = await FindItemAsync(tenantId, "id", (string)pointer["runItemId"]!, ct);
        return run?["idempotency"]?.AsArray()
            .Select(n => n!.Deserialize<IdempotencyRecord>(CoreJson.Options)!)
            .FirstOrDefault(r => r.Key == key);
    }

    private async Task PutPointerAsync(IdempotencyRecord record, string runItemId, CancellationToken ct)
    {
        var pointer = new JsonObject { ["id"] = PointerId(record.Key), ["tenantId"] = record.TenantId, ["type"] = "idempotency", ["runItemId"] = runItemId };
        using var response = await _calls.SendAsync(() => _runs.UpsertItemStreamAsync(CosmosCalls.ToStream(pointer), new PartitionKey(record.TenantId), cancellationToken: ct), ct);
        CosmosCalls.Ensure(response, "idempotency pointer");
    }

    /// <summary>Each unit's submission as its own item (for read models); rebuilt from the run, so a lost write heals at the next save.</summary>
    private async Task WriteSubmissionsAsync(SopRun run, CancellationToken ct)
    {
        foreach (var step in run.Steps)
        {
            foreach (var task in step.UnitTasks.Where(t => t.Submission is not null))
            {
                var item = new JsonObject
                {
                    ["id"] = SubmissionId(run, step.StepId, task.UnitId),
                    ["tenantId"] = run.TenantId,
                    ["type"] = "submission",
                    ["runId"] = run.Id,
                    ["opdId"] = run.OpdId,
                    ["period"] = run.Period.Key,
                    ["stepId"] = step.StepId,
                    ["unitId"] = task.UnitId,
                    ["status"] = JsonNamingPolicy.KebabCaseLower.ConvertName(task.Status.ToString()),
                    ["submission"] = JsonSerializer.SerializeToNode(task.Submission, CoreJson.Options),
                };
                using var response = await _calls.SendAsync(() => _runs.UpsertItemStreamAsync(CosmosCalls.ToStream(item), new PartitionKey(run.TenantId), cancellationToken: ct), ct);
                CosmosCalls.Ensure(response, "submission write");
            }
        }
    }

    private async Task<JsonObject?> FindItemAsync(string tenantId, string field, string value, CancellationToken ct) =>
        (await _calls.QueryAsync(_runs, tenantId,
            new QueryDefinition($"SELECT * FROM c WHERE c.tenantId = @t AND c.{field} = @v").WithParameter("@t", tenantId).WithParameter("@v", value), ct))
        .FirstOrDefault(i => field != "runId" || (string?)i["type"] == "run");

    private static JsonObject Build(SopRun run, IReadOnlyList<Notification> outbox, JsonArray? outboxState, IEnumerable<IdempotencyRecord> records, IdempotencyRecord? added)
    {
        var kept = records.Concat(added is null ? [] : [added]).TakeLast(IdempotencyKept);
        var item = new JsonObject
        {
            ["id"] = ItemId(run),
            ["tenantId"] = run.TenantId,
            ["type"] = "run",
            ["runId"] = run.Id,
            ["opdId"] = run.OpdId,
            ["templateId"] = run.TemplateId,
            ["period"] = run.Period.Key,
            ["year"] = run.Period.Year,
            ["status"] = JsonNamingPolicy.KebabCaseLower.ConvertName(run.Status.ToString()),
            ["version"] = run.Version,
            ["nextDeadline"] = run.NextDeadline?.ToUnixTimeMilliseconds(),
            ["run"] = JsonSerializer.SerializeToNode(run, CoreJson.Options),
            [DashboardProjection.Field] = DashboardProjection.Of(run),
            ["idempotency"] = JsonSerializer.SerializeToNode(kept.ToList(), CoreJson.Options),
        };
        RunItemOutbox.Set(item, outbox, outboxState);
        return item;
    }

    private static string ItemId(SopRun run) => $"run|{run.OpdId}|{run.TemplateId}|{run.Period.Key}";

    private static string PointerId(string key) => $"idem|{key}";

    private static string SubmissionId(SopRun run, string stepId, string unitId) => $"sub|{run.Id}|{stepId}|{unitId}";
}
