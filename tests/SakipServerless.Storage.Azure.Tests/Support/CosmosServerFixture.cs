using Microsoft.Azure.Cosmos;
using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Storage.Azure.Tests.Support;

/// <summary>The shared cosmosdb-server fixture, with an SDK client for the adapter tests.</summary>
public sealed class CosmosServerFixture : CosmosDbServerFixture
{
    public CosmosClient CreateClient() => new(Endpoint.ToString(), Key, new CosmosClientOptions
    {
        ConnectionMode = ConnectionMode.Gateway,
        LimitToEndpoint = true,
        HttpClientFactory = () => new HttpClient(new HttpClientHandler
        {
            // The test server's certificate is self-signed; production never sets this.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        }),
    });
}
