using Microsoft.Azure.Cosmos;
using Moq;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Support;

namespace SakipServerless.Storage.Azure.Tests.Cosmos;

/// <summary>
/// The dispatcher and a transition write the same run item (outbox bookkeeping, run state): on cosmosdb-server, with
/// real ETags, neither write may undo the other.
/// </summary>
public sealed class CosmosOutboxRaceTests : IClassFixture<CosmosServerFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly CosmosRunStore _runs;
    private readonly CosmosNotificationStore _notifications;
    private readonly CosmosDocumentStore _documents;
    private readonly CosmosContainers _containers;
    private readonly CosmosStorageOptions _options;

    public CosmosOutboxRaceTests(CosmosServerFixture server)
    {
        var containers = _containers = CosmosTestDatabase.Open(server);
        var options = _options = CosmosTestDatabase.Options(containers.Runs.Database.Id);
        _documents = new CosmosDocumentStore(containers.Documents, options, TimeProvider.System);
        _runs = new CosmosRunStore(containers, options, TimeProvider.System);
        _notifications = new CosmosNotificationStore(containers, options, TimeProvider.System, _documents);
    }

    [Fact]
    public async Task ASave_WhoseReplaceMeetsTheDispatchersLease_ReadsAgain_AndStoresTheTransitionAndTheLeases()
    {
        await _documents.PutAsync("t1", DocumentKinds.Tenant, "t1", new Tenant { Id = "t1", Name = "T1", TimeZone = "Asia/Makassar" });
        await _runs.CreateAsync(CosmosRuns.New("r1"));
        var now = CosmosRuns.Monday;
        IReadOnlyList<OutboxClaim> leased = [];
        // The real container, except that the dispatcher leases the run's messages just before the save's first replace.
        var runs = Delegating(_containers.Runs);
        int replaces = 0;
        runs.Setup(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), It.IsAny<string>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Returns(async (Stream body, string id, PartitionKey key, ItemRequestOptions options, CancellationToken ct) =>
            {
                if (replaces++ == 0)
                {
                    leased = await _notifications.ClaimPendingAsync("dispatcher", now, Lease, 100);
                }

                return await _containers.Runs.ReplaceItemStreamAsync(body, id, key, options, ct);
            });
        var store = new CosmosRunStore(new CosmosContainers(_containers.Documents, runs.Object, _containers.Due), _options, TimeProvider.System);
        var run = (await store.FindAsync("t1", "r1"))!;
        run.CompleteStep(CosmosRuns.FirstStep, CosmosRuns.Kabid, CosmosRuns.Disposition, CosmosRuns.At(now.AddMinutes(1)));
        int produced = run.Outbox.Count;

        await store.SaveAsync(run, 1);

        Assert.Equal(2, replaces); // the first met 412
        Assert.NotEmpty(leased);
        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize((await _runs.FindAsync("t1", "r1"))!));
        var others = await _notifications.ClaimPendingAsync("other", now, Lease, 100);
        Assert.Equal(produced, others.Count); // the new messages; the leased ones stay leased
        Assert.Empty(others.Select(c => c.Message.Notification.Id).Intersect(leased.Select(c => c.Message.Notification.Id)));
    }

    [Fact]
    public async Task ADispatchedMark_WhoseReplaceMeetsATransition_ReadsAgain_AndKeepsTheTransitionAndItsMessages()
    {
        await _documents.PutAsync("t1", DocumentKinds.Tenant, "t1", new Tenant { Id = "t1", Name = "T1", TimeZone = "Asia/Makassar" });
        await _runs.CreateAsync(CosmosRuns.New("r1"));
        var now = CosmosRuns.Monday;
        var claim = (await _notifications.ClaimPendingAsync("dispatcher", now, Lease, 100))[0];
        var transition = (await _runs.FindAsync("t1", "r1"))!;
        transition.CompleteStep(CosmosRuns.FirstStep, CosmosRuns.Kabid, CosmosRuns.Disposition, CosmosRuns.At(now.AddMinutes(1)));
        var produced = transition.Outbox.Select(n => n.Id).ToList();
        // The real container, except that a person's transition is saved just before the dispatcher's first replace.
        var runs = Delegating(_containers.Runs);
        int replaces = 0;
        runs.Setup(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), It.IsAny<string>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Returns(async (Stream body, string id, PartitionKey key, ItemRequestOptions options, CancellationToken ct) =>
            {
                if (replaces++ == 0)
                {
                    await _runs.SaveAsync(transition, 1);
                }

                return await _containers.Runs.ReplaceItemStreamAsync(body, id, key, options, ct);
            });
        var dispatcher = new CosmosNotificationStore(new CosmosContainers(_containers.Documents, runs.Object, _containers.Due), _options, TimeProvider.System, _documents);

        await dispatcher.CompleteDispatchAsync(new OutboxDispatch(claim.Message.Notification.Id, now, [], null));

        Assert.Equal(2, replaces); // the first met 412
        Assert.Equal(RunJson.Serialize(transition), RunJson.Serialize((await _runs.FindAsync("t1", "r1"))!));
        var pending = (await _notifications.ClaimPendingAsync("other", now.AddHours(1), Lease, 100)).Select(c => c.Message.Notification.Id).ToList();
        Assert.DoesNotContain(claim.Message.Notification.Id, pending);
        Assert.All(produced, id => Assert.Contains(id, pending));
    }

    private static Mock<Container> Delegating(Container real)
    {
        var mock = new Mock<Container>();
        mock.Setup(c => c.Database).Returns(real.Database);
        mock.Setup(c => c.GetItemQueryStreamIterator(It.IsAny<QueryDefinition>(), It.IsAny<string>(), It.IsAny<QueryRequestOptions>()))
            .Returns((QueryDefinition q, string token, QueryRequestOptions o) => real.GetItemQueryStreamIterator(q, token, o));
        mock.Setup(c => c.CreateItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Returns((Stream s, PartitionKey k, ItemRequestOptions o, CancellationToken ct) => real.CreateItemStreamAsync(s, k, o, ct));
        mock.Setup(c => c.UpsertItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Returns((Stream s, PartitionKey k, ItemRequestOptions o, CancellationToken ct) => real.UpsertItemStreamAsync(s, k, o, ct));
        return mock;
    }

    [Fact]
    public async Task ADispatchedMark_AfterATransition_RemovesOnlyThatMessage_AndAStaleSaveStillConflicts()
    {
        await _documents.PutAsync("t1", DocumentKinds.Tenant, "t1", new Tenant { Id = "t1", Name = "T1", TimeZone = "Asia/Makassar" });
        await _runs.CreateAsync(CosmosRuns.New("r1"));
        var now = CosmosRuns.Monday;
        var claims = await _notifications.ClaimPendingAsync("dispatcher", now, Lease, 100);
        var a = (await _runs.FindAsync("t1", "r1"))!;
        var b = (await _runs.FindAsync("t1", "r1"))!;
        a.CompleteStep(CosmosRuns.FirstStep, CosmosRuns.Kabid, CosmosRuns.Disposition, CosmosRuns.At(now.AddMinutes(1)));
        await _runs.SaveAsync(a, 1);

        foreach (var claim in claims)
        {
            await _notifications.CompleteDispatchAsync(new OutboxDispatch(claim.Message.Notification.Id, now, [], null));
        }

        b.Terminate(CosmosRuns.Head, "keliru", CosmosRuns.At(now.AddMinutes(2)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _runs.SaveAsync(b, 1));
        Assert.Equal(RunJson.Serialize(a), RunJson.Serialize((await _runs.FindAsync("t1", "r1"))!));
        var left = await _notifications.ClaimPendingAsync("other", now.AddHours(1), Lease, 100);
        Assert.NotEmpty(left);
        Assert.All(left, c => Assert.DoesNotContain(claims, d => d.Message.Notification.Id == c.Message.Notification.Id));
    }
}
