using Azure;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// A container on Azurite whose SDK client sends every request through a <see cref="FaultInjectingHandler"/>
/// (<see cref="HttpClientTransport"/> over an HttpClient on the handler), with the shipped retry options
/// (<see cref="BlobPipeline"/>) but their waits shortened, and small blocks so a few MB make several.
/// </summary>
public sealed class FaultyBlobs : IDisposable
{
    /// <summary>The pipeline's retries after the first attempt (the shipped <see cref="BlobPipeline"/> value).</summary>
    public const int PipelineRetries = BlobPipeline.MaxRetries;

    private readonly int _blockSize;

    private FaultyBlobs(BlobContainerClient container, FaultInjectingHandler faults, int blockSize)
    {
        Container = container;
        Faults = faults;
        _blockSize = blockSize;
    }

    public BlobContainerClient Container { get; }

    public FaultInjectingHandler Faults { get; }

    public static async Task<FaultyBlobs> OpenAsync(AzuriteFixture azurite, int blockSize = 256 * 1024)
    {
        var faults = new FaultInjectingHandler(new HttpClientHandler()) { HangTimeout = TimeSpan.FromMilliseconds(300) };
        var options = BlobPipeline.Options(new HttpClientTransport(new HttpClient(faults, disposeHandler: false)));
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        var container = new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient("faults-" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateIfNotExistsAsync();
        return new FaultyBlobs(container, faults, blockSize);
    }

    /// <summary>The SDK's own upload of a whole stream, one block at a time of the block size (Put Blob when it fits one).</summary>
    public async Task<long> UploadAsync(string blob, Stream content)
    {
        long length = content.Length - content.Position;
        await Container.GetBlobClient(blob).UploadAsync(content, new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions { InitialTransferSize = _blockSize, MaximumTransferSize = _blockSize, MaximumConcurrency = 1 },
        });
        return length;
    }

    public async Task<IReadOnlyList<BlobItem>> ListAsync(string prefix)
    {
        var items = new List<BlobItem>();
        await foreach (var item in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Status of a download of <paramref name="blob"/>: 200, or the service's refusal (404 when it does not exist).</summary>
    public async Task<int> DownloadStatusAsync(string blob)
    {
        try
        {
            using var download = (await Container.GetBlobClient(blob).DownloadStreamingAsync()).Value;
            return 200;
        }
        catch (RequestFailedException e)
        {
            return e.Status;
        }
    }

    public void Dispose() => Faults.Dispose();
}
