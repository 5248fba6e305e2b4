using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Support;
using SakipServerless.Storage.Contract;
using Xunit.Abstractions;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// One fault at a time on the Cosmos run store's key writes (the run item's create and guarded replace, the due
/// index): each call completes or fails cleanly, the run is exactly the old or the new version, and a retry with the
/// same idempotency key applies the command once — a lost answer is recognised, not applied twice.
/// </summary>
public sealed class CosmosRunStoreFaultTests(CosmosServerFixture server, ITestOutputHelper output) : IClassFixture<CosmosServerFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 4, 6, 8, 30, 0, TimeSpan.FromHours(8));

    private static readonly RequestMatch RunCreate = RequestMatch.CosmosCreate.And(RequestMatch.CosmosContainer(CosmosContainers.RunsName));

    private readonly ContractClock _clock = new(Monday);

    public static TheoryData<FaultKind> Kinds => new(Enum.GetValues<FaultKind>());

    /// <summary>What the adapter must make of one such fault on a write: 429 and 503 are retried away; the rest fail cleanly.</summary>
    private static bool Retried(FaultKind kind) => kind is FaultKind.Throttle or FaultKind.Unavailable;

    private static Fault One(FaultKind kind) => kind switch
    {
        FaultKind.Throttle => Fault.Throttle(20),
        FaultKind.Unavailable => Fault.Unavailable,
        FaultKind.Hang => Fault.Hang,
        FaultKind.ResetBeforeServer => Fault.ResetBeforeServer,
        FaultKind.ResetAfterServer => Fault.ResetAfterServer,
        _ => Fault.CutBodyAfter(100),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Create_UnderOneFault_CompletesOrFailsCleanly_AndARetryWithTheSameKeyStoresOneRun(FaultKind kind)
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server);
        var (store, driver) = Open(cosmos);
        var run = RunScript.Start("run-1", "t1", "opd-1", 1, Monday);
        var twin = RunScript.Start("run-1", "t1", "opd-1", 1, Monday);
        twin.DrainOutbox(); // the stored run's notifications live in the item's outbox, not in the run
        string expected = RunJson.Serialize(twin);

        cosmos.Faults.Schedule = FaultSchedule.None.On(1, RunCreate, One(kind));
        var first = await driver.StartAsync(run, "start-1");
        cosmos.Faults.Schedule = FaultSchedule.None;

        Assert.Single(cosmos.Faults.Injected);
        Assert.Equal(Retried(kind) ? CommandOutcome.Applied : CommandOutcome.FailedCleanly, first);
        var stored = await store.FindAsync("t1", "run-1");
        bool applied = Retried(kind) || kind == FaultKind.ResetAfterServer;
        Assert.Equal(applied, stored is not null);
        Assert.Equal(applied, await store.FindIdempotencyAsync("t1", "start-1") is not null);

        var second = await driver.StartAsync(RunScript.Start("run-1", "t1", "opd-1", 1, Monday), "start-1");

        Assert.Equal(applied ? CommandOutcome.Recognised : CommandOutcome.Applied, second);
        Assert.Equal(expected, RunJson.Serialize((await store.FindAsync("t1", "run-1"))!));
        Assert.Single(await store.ListAsync(new RunQuery("t1")));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Save_UnderOneFault_LeavesTheOldOrTheNewVersion_AndARetryWithTheSameKeyAppliesTheCommandOnce(FaultKind kind)
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server);
        var (store, driver) = Open(cosmos);
        await store.CreateAsync(RunScript.Start("run-1", "t1", "opd-1", 1, Monday));
        string old = RunJson.Serialize((await store.FindAsync("t1", "run-1"))!);
        _clock.Now = Monday.AddMinutes(5);

        cosmos.Faults.Schedule = FaultSchedule.None.On(1, RequestMatch.CosmosReplace, One(kind));
        var first = await driver.ExecuteAsync("t1", "run-1", "k-1", RunScript.Commands[0]);
        cosmos.Faults.Schedule = FaultSchedule.None;

        Assert.Single(cosmos.Faults.Injected);
        Assert.Equal(Retried(kind) ? CommandOutcome.Applied : CommandOutcome.FailedCleanly, first);
        var stored = (await store.FindAsync("t1", "run-1"))!;
        bool applied = Retried(kind) || kind == FaultKind.ResetAfterServer;
        if (applied)
        {
            Assert.Equal(2, stored.Version);
            Assert.NotNull(await store.FindIdempotencyAsync("t1", "k-1"));
        }
        else
        {
            Assert.Equal(old, RunJson.Serialize(stored));
            Assert.Null(await store.FindIdempotencyAsync("t1", "k-1"));
        }

        var second = await driver.ExecuteAsync("t1", "run-1", "k-1", RunScript.Commands[0]);

        Assert.Equal(applied ? CommandOutcome.Recognised : CommandOutcome.Applied, second);
        var final = (await store.FindAsync("t1", "run-1"))!;
        Assert.Equal(2, final.Version);
        Assert.Single(final.History, e => e.Type == RunEventType.StepCompleted);
        Assert.Equal(final.NextDeadline, Assert.Single(await store.FindDueAsync(Monday.AddDays(1), 10)).DueAt);
    }

    [Fact]
    public async Task Save_WithoutAKey_WhoseAnswerIsLost_IsRecognisedByTheVersion_AndTheCommandIsNotAppliedTwice()
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server);
        var (store, _) = Open(cosmos);
        await store.CreateAsync(RunScript.Start("run-1", "t1", "opd-1", 1, Monday));
        var run = (await store.FindAsync("t1", "run-1"))!;
        RunScript.Commands[0].Apply(run, RunScript.At(Monday.AddMinutes(5)));

        cosmos.Faults.Schedule = FaultSchedule.None.On(1, RequestMatch.CosmosReplace, Fault.ResetAfterServer);
        var ex = await Assert.ThrowsAsync<CosmosStorageException>(() => store.SaveAsync(run, 1));
        cosmos.Faults.Schedule = FaultSchedule.None;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.Status);
        var fresh = (await store.FindAsync("t1", "run-1"))!;
        Assert.Equal(2, fresh.Version);
        Assert.Throws<DomainException>(() => RunScript.Commands[0].Apply(fresh, RunScript.At(Monday.AddMinutes(6))));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(run, 1)); // the stale retry of the same write
        Assert.Single((await store.FindAsync("t1", "run-1"))!.History, e => e.Type == RunEventType.StepCompleted);
    }

    [Fact]
    public async Task Throttling_IsRetriedAfterTheServersRetryAfter_AndTheTransitionCompletes()
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server);
        var (store, driver) = Open(cosmos);
        await store.CreateAsync(RunScript.Start("run-1", "t1", "opd-1", 1, Monday));

        // Four in a row: more than the SDK's own retry (one here), so the adapter's retry is exercised too.
        cosmos.Faults.Schedule = FaultSchedule.None.Every(RequestMatch.CosmosReplace, Fault.Throttle(30), times: 4);
        var outcome = await driver.ExecuteAsync("t1", "run-1", "k-1", RunScript.Commands[0]);

        Assert.Equal(CommandOutcome.Applied, outcome);
        Assert.Equal(4, cosmos.Faults.Injected.Count);
        Assert.Equal(2, (await store.FindAsync("t1", "run-1"))!.Version);
    }

    [Fact]
    public async Task Throttling_BeyondTheRetries_Fails429_AndChangesNothing()
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server);
        var (store, _) = Open(cosmos);
        await store.CreateAsync(RunScript.Start("run-1", "t1", "opd-1", 1, Monday));
        var run = (await store.FindAsync("t1", "run-1"))!;
        string old = RunJson.Serialize(run);
        RunScript.Commands[0].Apply(run, RunScript.At(Monday.AddMinutes(5)));

        cosmos.Faults.Schedule = FaultSchedule.None.Every(RequestMatch.CosmosReplace, Fault.Throttle(1));
        var ex = await Assert.ThrowsAsync<CosmosStorageException>(() => store.SaveAsync(run, 1, new IdempotencyRecord("t1", "k-1", "u", "h", 200, "{}", Monday)));
        cosmos.Faults.Schedule = FaultSchedule.None;

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.Status);
        Assert.Equal(old, RunJson.Serialize((await store.FindAsync("t1", "run-1"))!));
        Assert.Null(await store.FindIdempotencyAsync("t1", "k-1"));
        Assert.NotEmpty(run.Outbox); // the caller keeps the notifications of the transition that did not happen
    }

    [Fact]
    public async Task Create_ThrottledBeyondTheRetries_Fails429_StoresNothing_AndTheCallerKeepsItsNotifications()
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server);
        var (store, _) = Open(cosmos);
        var run = RunScript.Start("run-1", "t1", "opd-1", 1, Monday);
        int messages = run.Outbox.Count;
        Assert.True(messages > 0);

        cosmos.Faults.Schedule = FaultSchedule.None.Every(RunCreate, Fault.Throttle(1));
        var ex = await Assert.ThrowsAsync<CosmosStorageException>(() => store.CreateAsync(run));
        cosmos.Faults.Schedule = FaultSchedule.None;

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.Status);
        Assert.Null(await store.FindAsync("t1", "run-1"));
        Assert.Equal(messages, run.Outbox.Count);
    }

    [Fact]
    public async Task Save_WhenTheCallerGivesUpOnAHungRequest_IsCancelled_AndTheRunIsUnchanged()
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server, hangTimeout: TimeSpan.FromMinutes(1));
        var (store, _) = Open(cosmos);
        await store.CreateAsync(RunScript.Start("run-1", "t1", "opd-1", 1, Monday));
        var run = (await store.FindAsync("t1", "run-1"))!;
        string old = RunJson.Serialize(run);
        RunScript.Commands[0].Apply(run, RunScript.At(Monday.AddMinutes(5)));
        using var giveUp = new CancellationTokenSource();

        cosmos.Faults.Schedule = FaultSchedule.None.On(1, RequestMatch.CosmosReplace, Fault.Hang);
        var save = store.SaveAsync(run, 1, ct: giveUp.Token);
        await WaitUntilAsync(() => cosmos.Faults.Injected.Count == 1);
        giveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save);
        cosmos.Faults.Schedule = FaultSchedule.None;
        Assert.Equal(old, RunJson.Serialize((await store.FindAsync("t1", "run-1"))!));
    }

    [Fact]
    public async Task Sweep_WhenDroppingAStaleDueEntryFails_StillFindsExactlyWhatIsDue()
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server);
        var (store, driver) = Open(cosmos);
        await store.CreateAsync(RunScript.Start("run-1", "t1", "opd-1", 1, Monday));
        var dueDeletes = RequestMatch.CosmosContainer(CosmosContainers.DueName).And(new("delete", r => r.Method == HttpMethod.Delete));

        // Step 1 done two hours later: its due entry moves to another hour, and removing the old one fails after the
        // run item was written. The transition stands, so the save reports success (the stale entry is left behind);
        // telling the caller it failed would be untrue.
        _clock.Now = Monday.AddHours(2);
        cosmos.Faults.Schedule = FaultSchedule.None.Every(dueDeletes, Fault.ResetBeforeServer);
        Assert.Equal(CommandOutcome.Applied, await driver.ExecuteAsync("t1", "run-1", "k-1", RunScript.Commands[0]));
        Assert.Contains(cosmos.Faults.Injected, f => f.Method == HttpMethod.Delete.Method);
        Assert.Equal(CommandOutcome.Recognised, await driver.ExecuteAsync("t1", "run-1", "k-1", RunScript.Commands[0]));
        var run = (await store.FindAsync("t1", "run-1"))!;
        Assert.Equal(2, run.Version);

        _clock.Now = Monday.AddDays(3);
        int before = cosmos.Faults.Injected.Count;
        var due = Assert.Single(await store.FindDueAsync(_clock.Now, 10));
        Assert.Equal(run.NextDeadline, due.DueAt);
        Assert.True(cosmos.Faults.Injected.Count > before, "The sweep did not try to drop the stale entry.");

        cosmos.Faults.Schedule = FaultSchedule.None;
        Assert.Equal(run.NextDeadline, Assert.Single(await store.FindDueAsync(_clock.Now, 10)).DueAt);
        output.WriteLine(string.Join(Environment.NewLine, cosmos.Faults.Injected));
    }

    [Fact]
    public async Task Audit_CatchesWhatAPartialOrRepeatedTransitionWouldLeave()
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server);
        var (store, driver) = Open(cosmos);
        var expected = new ExpectedRun("t1", RunScript.Start("run-1", "t1", "opd-1", 1, Monday));
        Assert.Equal(CommandOutcome.Applied, await driver.StartAsync(RunScript.Start("run-1", "t1", "opd-1", 1, Monday), "start"));
        expected.AcknowledgedKeys.Add("start");
        Assert.Empty((await RunItemAudit.CheckAsync(cosmos.Containers, store, [expected])).Problems);

        // The item's version field ahead of its run, a notification twice, its due entry gone, and a command its sender
        // was told happened.
        string itemId = $"run|opd-1|{RunScript.Template.Id}|2026-Q1";
        using (var read = await cosmos.Containers.Runs.ReadItemStreamAsync(itemId, new PartitionKey("t1")))
        {
            var item = (await JsonNode.ParseAsync(read.Content))!.AsObject();
            item["version"] = 2;
            var outbox = item["outbox"]!.AsArray();
            outbox.Add(outbox[0]!.DeepClone());
            using var replaced = await cosmos.Containers.Runs.ReplaceItemStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(item.ToJsonString())), itemId, new PartitionKey("t1"));
            replaced.EnsureSuccessStatusCode();
            using var dropped = await cosmos.Containers.Due.DeleteItemStreamAsync($"t1|{itemId}", new PartitionKey((string)item["dueBucket"]!));
            dropped.EnsureSuccessStatusCode();
        }

        RunScript.Commands[0].Apply(expected.Shadow, RunScript.At(Monday.AddMinutes(5)));
        expected.AcknowledgedKeys.Add("k-1");

        var problems = (await RunItemAudit.CheckAsync(cosmos.Containers, store, [expected])).Problems;

        Assert.Contains(problems, p => p.Contains("item fields", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("in the outbox 2 times", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("history without escalations", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("k-1 has no idempotency record", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("the sweep does not find it", StringComparison.Ordinal));
    }

    private (CosmosRunStore Store, CommandDriver Driver) Open(FaultyCosmos cosmos)
    {
        var store = new CosmosRunStore(cosmos.Containers, cosmos.Options, _clock);
        return (store, new CommandDriver(store, _clock));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "The hung request never reached the handler.");
    }
}
