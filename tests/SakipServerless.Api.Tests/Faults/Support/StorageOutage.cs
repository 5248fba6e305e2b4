using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Azure.Cosmos;

namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>
/// Wraps the app's real run and file stores so a test can make their writes fail the way the Azure adapters fail when
/// Cosmos DB or Blob Storage stays throttled or unreachable after their retries.
/// </summary>
public sealed class StorageOutage
{
    public bool RunWritesDown { get; set; }

    public bool FileWritesDown { get; set; }

    /// <summary>Replaces the registered stores by wrappers around them; pass to the API factory.</summary>
    public void Install(IServiceCollection services)
    {
        Wrap<IRunStore>(services, inner => new OutageRunStore(inner, this));
        Wrap<IFileStore>(services, inner => new OutageFileStore(inner, this));
    }

    private static void Wrap<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(registered);
        services.AddSingleton(sp => wrap((T)registered.ImplementationFactory!(sp)));
    }

    private void ThrowIfRunsDown()
    {
        if (RunWritesDown)
        {
            throw new CosmosStorageException(System.Net.HttpStatusCode.ServiceUnavailable, "Cosmos DB answered 503 after the retries (injected).");
        }
    }

    private void ThrowIfFilesDown()
    {
        if (FileWritesDown)
        {
            throw new BlobStorageException(503, "Unreachable", "Blob service could not be reached (injected).");
        }
    }

    private sealed class OutageRunStore(IRunStore inner, StorageOutage outage) : IRunStore
    {
        public Task CreateAsync(SopRun run, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
        {
            outage.ThrowIfRunsDown();
            return inner.CreateAsync(run, idempotency, ct);
        }

        public Task SaveAsync(SopRun run, int expectedVersion, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
        {
            outage.ThrowIfRunsDown();
            return inner.SaveAsync(run, expectedVersion, idempotency, ct);
        }

        public Task RewriteAsync(SopRun run, int storedVersion, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
        {
            outage.ThrowIfRunsDown();
            return inner.RewriteAsync(run, storedVersion, idempotency, ct);
        }

        public Task<SopRun?> FindAsync(string tenantId, string runId, CancellationToken ct = default) => inner.FindAsync(tenantId, runId, ct);

        public Task<IReadOnlyList<SopRun>> ListAsync(RunQuery query, CancellationToken ct = default) => inner.ListAsync(query, ct);

        public Task<IReadOnlyList<DueRun>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default) => inner.FindDueAsync(now, limit, ct);

        public Task<IdempotencyRecord?> FindIdempotencyAsync(string tenantId, string key, CancellationToken ct = default) =>
            inner.FindIdempotencyAsync(tenantId, key, ct);
    }

    private sealed class OutageFileStore(IFileStore inner, StorageOutage outage) : IFileStore
    {
        public Task<long> AppendStagedAsync(string stagingKey, long offset, Stream content, CancellationToken ct = default)
        {
            outage.ThrowIfFilesDown();
            return inner.AppendStagedAsync(stagingKey, offset, content, ct);
        }

        public Task PromoteAsync(string stagingKey, string fileKey, CancellationToken ct = default)
        {
            outage.ThrowIfFilesDown();
            return inner.PromoteAsync(stagingKey, fileKey, ct);
        }

        public Task<long?> GetStagedLengthAsync(string stagingKey, CancellationToken ct = default) => inner.GetStagedLengthAsync(stagingKey, ct);

        public Task<Stream> OpenStagedAsync(string stagingKey, CancellationToken ct = default) => inner.OpenStagedAsync(stagingKey, ct);

        public Task<bool> DeleteStagedAsync(string stagingKey, CancellationToken ct = default) => inner.DeleteStagedAsync(stagingKey, ct);

        public Task<Stream?> OpenReadAsync(string fileKey, CancellationToken ct = default) => inner.OpenReadAsync(fileKey, ct);

        public Task<bool> DeleteAsync(string fileKey, CancellationToken ct = default) => inner.DeleteAsync(fileKey, ct);

        public Task<int> PurgeStagedAsync(DateTimeOffset olderThan, CancellationToken ct = default) => inner.PurgeStagedAsync(olderThan, ct);
    }
}
