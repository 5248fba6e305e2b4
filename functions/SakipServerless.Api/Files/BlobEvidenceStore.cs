using Azure.Identity;
using Azure.Storage.Blobs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Azure.Files;

namespace SakipServerless.Api.Files;

/// <summary>
/// Builds the Blob Storage file store from settings: a connection string (Azurite locally, an account key) or, in Azure,
/// the account's blob endpoint with the app's managed identity (<see cref="DefaultAzureCredential"/>, no key anywhere).
/// </summary>
public static class BlobEvidenceStore
{
    public static IFileStore Create(EvidenceOptions options)
    {
        var pipeline = BlobPipeline.Options();
        BlobContainerClient container;
        if (!string.IsNullOrWhiteSpace(options.BlobConnectionString))
        {
            container = new BlobServiceClient(options.BlobConnectionString, pipeline).GetBlobContainerClient(options.BlobContainer);

            // With a key (Azurite, local runs) the container is created when missing, for zero setup; in Azure infra
            // creates it and the identity may only read and write blobs.
            container.CreateIfNotExists();
        }
        else if (Uri.TryCreate(options.BlobServiceUri, UriKind.Absolute, out var endpoint))
        {
            container = new BlobServiceClient(endpoint, new DefaultAzureCredential(), pipeline).GetBlobContainerClient(options.BlobContainer);
        }
        else
        {
            throw new InvalidOperationException("Sakip:Files:Provider is 'blob' but neither Sakip:Files:BlobConnectionString nor Sakip:Files:BlobServiceUri is set.");
        }

        return new BlobFileStore(container);
    }
}
