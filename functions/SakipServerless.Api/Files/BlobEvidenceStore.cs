using Azure.Identity;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Azure.Files;

namespace SakipServerless.Api.Files;

/// <summary>
/// Builds the Blob Storage file store from settings: a connection string (Azurite locally, an account key) or, in Azure,
/// the account's blob endpoint with the app's managed identity (no key anywhere).
/// </summary>
public static class BlobEvidenceStore
{
    public static IFileStore Create(EvidenceOptions options)
    {
        BlobRestClient client;
        if (!string.IsNullOrWhiteSpace(options.BlobConnectionString))
        {
            client = new BlobRestClient(BlobAccount.Parse(options.BlobConnectionString));

            // With a key (Azurite, local runs) the container is created when missing, for zero setup; in Azure infra
            // creates it and the identity may only read and write blobs.
            client.CreateContainerIfMissingAsync(options.BlobContainer).GetAwaiter().GetResult();
        }
        else if (Uri.TryCreate(options.BlobServiceUri, UriKind.Absolute, out var endpoint))
        {
            string account = endpoint.Host.Split('.')[0];
            client = new BlobRestClient(new BlobAccount(account, endpoint, null), new DefaultAzureCredential());
        }
        else
        {
            throw new InvalidOperationException("Sakip:Files:Provider is 'blob' but neither Sakip:Files:BlobConnectionString nor Sakip:Files:BlobServiceUri is set.");
        }

        return new BlobFileStore(client, options.BlobContainer);
    }
}
