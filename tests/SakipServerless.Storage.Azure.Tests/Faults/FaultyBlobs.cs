using Azure.Core.Pipeline;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// A blob client on Azurite whose requests pass a <see cref="FaultInjectingHandler"/> (Azure.Core's
/// <see cref="HttpClientTransport"/> over an HttpClient on the handler), with the pipeline's retry kept as shipped
/// but its waits shortened, and small blocks so a few MB make several.
/// </summary>
public sealed class FaultyBlobs : IDisposable
{
    /// <summary>The pipeline's retries after the first attempt (the shipped <see cref="BlobClientOptions"/> value).</summary>
    public const int PipelineRetries = 3;

    private FaultyBlobs(BlobRestClient client, FaultInjectingHandler faults, string container)
    {
        Client = client;
        Faults = faults;
        Container = container;
    }

    public BlobRestClient Client { get; }

    public FaultInjectingHandler Faults { get; }

    public string Container { get; }

    public static async Task<FaultyBlobs> OpenAsync(AzuriteFixture azurite, int blockSize = 256 * 1024)
    {
        var faults = new FaultInjectingHandler(new HttpClientHandler()) { HangTimeout = TimeSpan.FromMilliseconds(300) };
        var options = new BlobClientOptions { Transport = new HttpClientTransport(new HttpClient(faults, disposeHandler: false)) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        var client = new BlobRestClient(BlobAccount.Parse(azurite.ConnectionString), options: options) { BlockSize = blockSize };
        string container = "faults-" + Guid.NewGuid().ToString("N")[..12];
        await client.CreateContainerIfMissingAsync(container);
        return new FaultyBlobs(client, faults, container);
    }

    public void Dispose() => Faults.Dispose();
}
