using System.Net;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>Cosmos DB answered with an error the adapter cannot turn into a domain outcome (after retries).</summary>
public sealed class CosmosStorageException(HttpStatusCode status, string message, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Throttled, busy or unreachable after the retries: worth trying again later.</summary>
    public bool IsTransient => (int)Status is 408 or 429 or 449 or >= 500;
}
