using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using SakipServerless.Api.Tests.Faults.Replay;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// Reads what the Cosmos run store wrote (faults off) and lists every way it disagrees with itself or with what the
/// senders were told: the run item's fields against its run, the run against the replay of its history, the
/// commands in the history against the shadow (each exactly once), outbox and idempotency records without
/// duplicates, every acknowledged key recorded, and the due index naming exactly the runs with a pending deadline.
/// </summary>
/// <remarks>
/// A partial transition would show as a field that disagrees with the document, an event applied twice or missing,
/// a notification of an event the history does not have, or a due entry the sweep would act on that is not current.
/// Submission items are rebuilt on every save and may lag after a failure that followed the run item's write; they
/// are counted as <see cref="StaleSubmissions"/>, not as problems.
/// </remarks>
public sealed class RunItemAudit
{
    private static readonly HashSet<RunEventType> Escalations =
        [RunEventType.StepLate, RunEventType.StepEscalated, RunEventType.UnitTaskLate, RunEventType.UnitTaskEscalated];

    public List<string> Problems { get; } = [];

    public int StaleSubmissions { get; private set; }

    public int Escalated { get; private set; }

    public static async Task<RunItemAudit> CheckAsync(CosmosContainers containers, IRunStore store, IReadOnlyCollection<ExpectedRun> expected)
    {
        var audit = new RunItemAudit();
        foreach (var tenant in expected.GroupBy(e => e.TenantId))
        {
            var items = await ReadPartitionAsync(containers.Runs, tenant.Key);
            foreach (var run in tenant)
            {
                audit.CheckRun(run, items);
            }
        }

        await audit.CheckDueAsync(store, expected);
        return audit;
    }

    private void CheckRun(ExpectedRun expected, List<JsonObject> items)
    {
        string id = expected.RunId;
        var runItems = items.Where(i => (string?)i["type"] == "run" && (string?)i["runId"] == id).ToList();
        if (runItems.Count != 1)
        {
            Problems.Add($"{id}: {runItems.Count} run items");
            return;
        }

        var item = runItems[0];
        var run = item["run"].Deserialize<SopRun>(CoreJson.Options)!;
        if ((int)item["version"]! != run.Version || (long?)item["nextDeadline"] != run.NextDeadline?.ToUnixTimeMilliseconds()
            || (string?)item["status"] != JsonNamingPolicy.KebabCaseLower.ConvertName(run.Status.ToString()))
        {
            Problems.Add($"{id}: item fields (version {item["version"]}, deadline {item["nextDeadline"]}, status {item["status"]}) disagree with its run");
        }

        Problems.AddRange(HistoryReplay.Check(run, RunScript.Template));

        var commands = Signature(run);
        var shadow = Signature(expected.Shadow);
        if (!commands.SequenceEqual(shadow))
        {
            Problems.Add($"{id}: history without escalations is [{string.Join(", ", commands)}], the commands acknowledged give [{string.Join(", ", shadow)}]");
        }

        Escalated += run.History.Count(e => Escalations.Contains(e.Type));

        var outbox = item["outbox"]!.AsArray().Select(n => n!.Deserialize<Notification>(CoreJson.Options)!).ToList();
        foreach (var duplicate in outbox.GroupBy(n => n.Id).Where(g => g.Count() > 1))
        {
            Problems.Add($"{id}: notification {duplicate.Key} is in the outbox {duplicate.Count()} times");
        }

        foreach (var notification in outbox)
        {
            int hash = notification.Id.LastIndexOf('#'), dot = notification.Id.LastIndexOf('.');
            if (notification.Id[..hash] != id || !int.TryParse(notification.Id[(hash + 1)..dot], out int seq) || seq < 1 || seq > run.History.Count)
            {
                Problems.Add($"{id}: notification {notification.Id} points at no event of the run's {run.History.Count}");
            }
        }

        var records = item["idempotency"]!.AsArray().Select(n => n!.Deserialize<IdempotencyRecord>(CoreJson.Options)!).ToList();
        foreach (var duplicate in records.GroupBy(r => r.Key).Where(g => g.Count() > 1))
        {
            Problems.Add($"{id}: idempotency key {duplicate.Key} recorded {duplicate.Count()} times");
        }

        foreach (var key in expected.AcknowledgedKeys.Where(k => records.All(r => r.Key != k)))
        {
            Problems.Add($"{id}: acknowledged command {key} has no idempotency record");
        }

        foreach (var step in run.Steps)
        {
            foreach (var task in step.UnitTasks.Where(t => t.Submission is not null))
            {
                var sub = items.FirstOrDefault(i => (string?)i["id"] == $"sub|{id}|{step.StepId}|{task.UnitId}");
                if (sub is null || (string?)sub["status"] != JsonNamingPolicy.KebabCaseLower.ConvertName(task.Status.ToString()))
                {
                    StaleSubmissions++;
                }
            }
        }
    }

    /// <summary>Everything pending must be found by the sweep at its due time, and nothing else.</summary>
    private async Task CheckDueAsync(IRunStore store, IReadOnlyCollection<ExpectedRun> expected)
    {
        var runs = new List<SopRun>();
        foreach (var e in expected)
        {
            runs.Add((await store.FindAsync(e.TenantId, e.RunId))!);
        }

        var pending = runs.Where(r => r.NextDeadline is not null).Select(r => (TenantId: r.TenantId, RunId: r.Id, DueAt: r.NextDeadline!.Value)).ToHashSet();
        if (pending.Count == 0)
        {
            return;
        }

        var latest = pending.Max(p => p.DueAt);
        var found = (await store.FindDueAsync(latest, 10_000)).Select(d => (TenantId: d.TenantId, RunId: d.RunId, DueAt: d.DueAt)).ToList();
        foreach (var duplicate in found.GroupBy(f => f).Where(g => g.Count() > 1))
        {
            Problems.Add($"due index: {duplicate.Key} found {duplicate.Count()} times");
        }

        foreach (var missing in pending.Except(found))
        {
            Problems.Add($"due index: {missing.RunId} is due at {missing.DueAt:O} but the sweep does not find it");
        }

        foreach (var extra in found.ToHashSet().Except(pending))
        {
            Problems.Add($"due index: the sweep finds {extra.RunId} at {extra.DueAt:O}, which is not its pending deadline");
        }
    }

    private static List<string> Signature(SopRun run) =>
        run.History.Where(e => !Escalations.Contains(e.Type)).Select(e => $"{e.Type}:{e.StepId}:{e.UnitId}").ToList();

    private static async Task<List<JsonObject>> ReadPartitionAsync(Container container, string partition)
    {
        var items = new List<JsonObject>();
        using var iterator = container.GetItemQueryStreamIterator(
            new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @t").WithParameter("@t", partition),
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partition) });
        while (iterator.HasMoreResults)
        {
            using var page = await iterator.ReadNextAsync();
            page.EnsureSuccessStatusCode();
            var body = (await JsonNode.ParseAsync(page.Content))!.AsObject();
            items.AddRange(body["Documents"]!.AsArray().Select(n => n!.AsObject()));
        }

        return items;
    }
}
