using Azure.Identity;
using Microsoft.Azure.Cosmos;
using SakipServerless.Api.Hosting;
using SakipServerless.Storage.Azure.Cosmos;

namespace SakipServerless.Api.Storage;

/// <summary>
/// Builds the Cosmos DB client and adapter options from <see cref="CosmosSettings"/>: a connection string or endpoint
/// and key (emulator, local), else the endpoint with the app's managed identity (Azure; no key anywhere).
/// </summary>
public static class CosmosClientFactory
{
    public static CosmosClient Create(CosmosSettings settings)
    {
        var options = new CosmosClientOptions { ApplicationName = "SakipServerless" };
        if (settings.GatewayMode || settings.AcceptEmulatorCertificate)
        {
            options.ConnectionMode = ConnectionMode.Gateway;
        }

        if (settings.AcceptEmulatorCertificate)
        {
            // An emulator answers on one endpoint with a self-signed certificate; refused in Production by the validator.
            options.LimitToEndpoint = true;
            options.HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            });
        }

        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return new CosmosClient(settings.ConnectionString, options);
        }

        return string.IsNullOrWhiteSpace(settings.Key)
            ? new CosmosClient(settings.Endpoint, new DefaultAzureCredential(), options)
            : new CosmosClient(settings.Endpoint, settings.Key, options);
    }

    /// <summary>The adapter's options; with the durable engine the run store keeps no due index (its timers are durable).</summary>
    public static CosmosStorageOptions AdapterOptions(CosmosSettings settings, EngineOptions engine) => new()
    {
        DueIndex = !engine.IsDurable,
        Database = settings.Database,
        CreateIfMissing = settings.CreateIfMissing,
        UseTransactionalBatch = settings.UseTransactionalBatch,
        MaxThrottleRetries = settings.MaxThrottleRetries,
    };
}
