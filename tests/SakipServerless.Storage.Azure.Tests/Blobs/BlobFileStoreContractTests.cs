using Azure.Storage.Blobs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Azure.Files;
using SakipServerless.Storage.Contract.Emulators;
using SakipServerless.Storage.Contract;

namespace SakipServerless.Storage.Azure.Tests.Blobs;

/// <summary>The file store contract, unchanged, against the Blob adapter on Azurite through the SDK; a fresh container per test.</summary>
public sealed class BlobFileStoreContractTests : FileStoreContract, IClassFixture<AzuriteFixture>
{
    public BlobFileStoreContractTests(AzuriteFixture azurite)
    {
        var container = new BlobServiceClient(azurite.ConnectionString, BlobPipeline.Options())
            .GetBlobContainerClient("evidence-" + Guid.NewGuid().ToString("N")[..12]);
        container.CreateIfNotExists();
        Store = new BlobFileStore(container);
    }

    protected override IFileStore Store { get; }
}
