using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Azure.Files;
using SakipServerless.Storage.Contract.Emulators;
using SakipServerless.Storage.Contract;

namespace SakipServerless.Storage.Azure.Tests.Blobs;

/// <summary>The file store contract, unchanged, against the Blob adapter on Azurite; a fresh container per test.</summary>
public sealed class BlobFileStoreContractTests : FileStoreContract, IClassFixture<AzuriteFixture>
{
    public BlobFileStoreContractTests(AzuriteFixture azurite)
    {
        var client = new BlobRestClient(BlobAccount.Parse(azurite.ConnectionString));
        string container = "evidence-" + Guid.NewGuid().ToString("N")[..12];
        client.CreateContainerIfMissingAsync(container).GetAwaiter().GetResult();
        Store = new BlobFileStore(client, container);
    }

    protected override IFileStore Store { get; }
}
