using global::Azure.Core;

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>Pipeline options (retries, transport) of the blob client; tests swap the transport to accept Azurite.</summary>
public sealed class BlobClientOptions : ClientOptions
{
    public BlobClientOptions()
    {
        Retry.MaxRetries = 3;
        Retry.NetworkTimeout = TimeSpan.FromMinutes(5);
    }
}
