using System.Net;
using System.Text;
using Microsoft.Azure.Cosmos;
using Moq;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;

namespace SakipServerless.Storage.Azure.Tests.Cosmos;

/// <summary>SDK answers the test server cannot produce (429 with Retry-After, 503, 412, 404), given by a mocked Container.</summary>
public sealed class CosmosErrorPathTests
{
    private static readonly CosmosStorageOptions Options = new() { UseTransactionalBatch = false, MaxThrottleRetries = 3 };

    private static ResponseMessage Answer(HttpStatusCode status, string? retryAfterMs = null, string? body = null)
    {
        var message = new ResponseMessage(status);
        if (retryAfterMs is not null)
        {
            message.Headers["x-ms-retry-after-ms"] = retryAfterMs;
        }

        if (body is not null)
        {
            message.Content = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        return message;
    }

    private static FeedIterator EmptyQuery()
    {
        var iterator = new Mock<FeedIterator>();
        iterator.SetupSequence(i => i.HasMoreResults).Returns(true).Returns(false);
        iterator.Setup(i => i.ReadNextAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => Answer(HttpStatusCode.OK, body: """{"Documents":[]}"""));
        return iterator.Object;
    }

    private static Mock<Container> ContainerWithEmptyQueries()
    {
        var container = new Mock<Container>();
        container.Setup(c => c.GetItemQueryStreamIterator(It.IsAny<QueryDefinition>(), It.IsAny<string>(), It.IsAny<QueryRequestOptions>()))
            .Returns(EmptyQuery);
        return container;
    }

    private static Tenant Tenant => new() { Id = "t1", Name = "Uji", TimeZone = "Asia/Makassar" };

    [Fact]
    public async Task Throttled_IsRetriedAfterTheServersRetryAfter_ThenSucceeds()
    {
        var container = ContainerWithEmptyQueries();
        var clock = new RecordingClock();
        container.SetupSequence(c => c.CreateItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Answer(HttpStatusCode.TooManyRequests, "40"))
            .ReturnsAsync(Answer(HttpStatusCode.TooManyRequests, "60"))
            .ReturnsAsync(Answer(HttpStatusCode.Created));
        var store = new CosmosDocumentStore(container.Object, Options, clock);

        Assert.True(await store.TryInsertAsync("t9", DocumentKinds.Opd, "o1", new Opd { Id = "o1", TenantId = "t9", Name = "OPD", TemplateId = "x" }));

        container.Verify(c => c.CreateItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        Assert.Equal([TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(60)], clock.Delays);
    }

    [Fact]
    public async Task Unavailable_BeyondTheRetries_FailsWithTheStatus()
    {
        var container = ContainerWithEmptyQueries();
        container.Setup(c => c.UpsertItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Answer(HttpStatusCode.ServiceUnavailable));
        var store = new CosmosDocumentStore(container.Object, Options, new RecordingClock());

        var ex = await Assert.ThrowsAsync<CosmosStorageException>(() => store.PutAsync("t1", DocumentKinds.Opd, "o1", new Opd { Id = "o1", TenantId = "t1", Name = "OPD", TemplateId = "x" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.Status);
        container.Verify(c => c.UpsertItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Exactly(Options.MaxThrottleRetries + 1));
    }

    [Fact]
    public async Task ABatchThatFailsHalfway_PutsBackWhatItWrote()
    {
        var container = ContainerWithEmptyQueries();
        container.SetupSequence(c => c.UpsertItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Answer(HttpStatusCode.OK))
            .ReturnsAsync(Answer(HttpStatusCode.Forbidden));
        container.Setup(c => c.DeleteItemStreamAsync(It.IsAny<string>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Answer(HttpStatusCode.NoContent));
        var store = new CosmosDocumentStore(container.Object, Options, new RecordingClock());

        await Assert.ThrowsAsync<CosmosStorageException>(() => store.PutManyAsync(
        [
            new DocumentWrite("t1", DocumentKinds.Opd, "o1", new Opd { Id = "o1", TenantId = "t1", Name = "A", TemplateId = "x" }),
            new DocumentWrite("t1", DocumentKinds.Opd, "o2", new Opd { Id = "o2", TenantId = "t1", Name = "B", TemplateId = "x" }),
        ]));

        // The first item did not exist before, so it is deleted again; nothing half-imported.
        container.Verify(c => c.DeleteItemStreamAsync("opd|o1", new PartitionKey("t1"), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Delete_OfAMissingItem_IsFalse()
    {
        var container = ContainerWithEmptyQueries();
        var store = new CosmosDocumentStore(container.Object, Options, new RecordingClock());
        Assert.False(await store.DeleteAsync("t1", DocumentKinds.Opd, "tidak-ada"));
        container.Verify(c => c.DeleteItemStreamAsync(It.IsAny<string>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    /// <summary>Records the delays the adapter asks for and lets them pass at once.</summary>
    private sealed class RecordingClock : TimeProvider
    {
        public List<TimeSpan> Delays { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Delays.Add(dueTime);
            }

            return System.CreateTimer(callback, state, TimeSpan.Zero, period);
        }
    }
}
