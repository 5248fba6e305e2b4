using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Api.Tests.Storage;

/// <summary>The app's settings for Cosmos DB on cosmosdb-server and evidence on Azurite, each test in its own database and container.</summary>
internal static class AzureSettings
{
    public static Dictionary<string, string?> CosmosAndBlob(CosmosDbServerFixture cosmos, AzuriteFixture azurite) => new()
    {
        ["Sakip:Storage:Provider"] = "cosmos",
        ["Sakip:Storage:Cosmos:Endpoint"] = cosmos.Endpoint.ToString(),
        ["Sakip:Storage:Cosmos:Key"] = CosmosDbServerFixture.Key,
        ["Sakip:Storage:Cosmos:Database"] = "api-" + Guid.NewGuid().ToString("N")[..12],
        ["Sakip:Storage:Cosmos:CreateIfMissing"] = "true",
        ["Sakip:Storage:Cosmos:AcceptEmulatorCertificate"] = "true",
        ["Sakip:Storage:Cosmos:UseTransactionalBatch"] = "false", // the test server has no transactional batch
        ["Sakip:Files:Provider"] = "blob",
        ["Sakip:Files:BlobConnectionString"] = azurite.ConnectionString,
        ["Sakip:Files:BlobContainer"] = "evidence-" + Guid.NewGuid().ToString("N")[..8],
    };
}
