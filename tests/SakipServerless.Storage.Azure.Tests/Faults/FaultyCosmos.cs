using Microsoft.Azure.Cosmos;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Support;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// A Cosmos client on the test server whose every HTTP request passes a <see cref="FaultInjectingHandler"/>
/// (gateway mode, so data operations are plain HTTPS), and the run store's containers in a fresh database.
/// </summary>
public sealed class FaultyCosmos : IDisposable
{
    private FaultyCosmos(CosmosClient client, FaultInjectingHandler faults, CosmosContainers containers, CosmosStorageOptions options)
    {
        Client = client;
        Faults = faults;
        Containers = containers;
        Options = options;
    }

    public CosmosClient Client { get; }

    public FaultInjectingHandler Faults { get; }

    public CosmosContainers Containers { get; }

    public CosmosStorageOptions Options { get; }

    /// <summary>
    /// Opens a fresh database with faults off. The SDK's own 429 retries are kept low (one) so that throttling also
    /// reaches the adapter's retry; its waits come from the injected <c>x-ms-retry-after-ms</c>.
    /// </summary>
    public static async Task<FaultyCosmos> OpenAsync(CosmosServerFixture server, TimeSpan? hangTimeout = null, int maxThrottleRetries = 3)
    {
        var faults = new FaultInjectingHandler(new HttpClientHandler
        {
            // The test server's certificate is self-signed; production never sets this.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        })
        {
            HangTimeout = hangTimeout ?? TimeSpan.FromMilliseconds(300),
        };
        var client = new CosmosClient(server.Endpoint.ToString(), CosmosServerFixture.Key, new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            MaxRetryAttemptsOnRateLimitedRequests = 1,
            MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(1),
            HttpClientFactory = () => new HttpClient(faults, disposeHandler: false),
        });
        var options = new CosmosStorageOptions
        {
            Database = "faults-" + Guid.NewGuid().ToString("N")[..12],
            CreateIfMissing = true,
            UseTransactionalBatch = false,
            MaxThrottleRetries = maxThrottleRetries,
        };
        var containers = await CosmosContainers.OpenAsync(client, options);
        return new FaultyCosmos(client, faults, containers, options);
    }

    public void Dispose()
    {
        Client.Dispose();
        Faults.Dispose();
    }
}
