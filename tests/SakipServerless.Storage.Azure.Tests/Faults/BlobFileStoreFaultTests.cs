using System.Security.Cryptography;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Files;
using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// The Blob file store under the steps of the API's resumable upload (append from the offset the store reports,
/// then promote) with the connection to the service cut or answers lost, under the SDK: nothing is committed under <c>files/</c> before the
/// promotion, no byte is appended twice, the upload resumes from the staged length, and the stored file has the
/// uploaded bytes.
/// </summary>
public sealed class BlobFileStoreFaultTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>The store stages appends in blocks of 4 MiB; a file of two blocks gets cut in its second.</summary>
    private const int AppendBlock = 4 * 1024 * 1024;

    [Fact]
    public async Task CutMidAppend_BeyondTheRetries_CommitsNothing_AndTheUploadResumesFromTheStagedLength()
    {
        using var blobs = await FaultyBlobs.OpenAsync(azurite);
        var store = new BlobFileStore(blobs.Container);
        var file = BlobUploadFaultTests.Bytes(AppendBlock + 1_500_000, seed: 11);
        blobs.Faults.Schedule = FaultSchedule.None.On(2, RequestMatch.BlobStagedBlock, Fault.CutBodyAfter(700_000), times: 1 + FaultyBlobs.PipelineRetries);

        var failure = await Record.ExceptionAsync(() => store.AppendStagedAsync("t1/upload-1", 0, new MemoryStream(file)));

        Assert.NotNull(failure);
        blobs.Faults.Schedule = FaultSchedule.None;
        Assert.Empty(await blobs.ListAsync("files/"));
        long offset = (await store.GetStagedLengthAsync("t1/upload-1"))!.Value;
        Assert.Equal(AppendBlock, offset); // the whole first block, nothing of the cut one

        long staged = await store.AppendStagedAsync("t1/upload-1", offset, new MemoryStream(file, (int)offset, file.Length - (int)offset));
        Assert.Equal(file.Length, staged);
        await store.PromoteAsync("t1/upload-1", "t1/run-1/file-1");

        Assert.Equal(SHA256.HashData(file), await StoredHashAsync(store, "t1/run-1/file-1"));
        Assert.Null(await store.GetStagedLengthAsync("t1/upload-1"));
    }

    [Theory]
    [InlineData("block")]
    [InlineData("commit")]
    public async Task AppendWhoseAnswerIsLost_IsNotAppendedTwice_AndTheUploadContinuesFromTheTrueLength(string request)
    {
        using var blobs = await FaultyBlobs.OpenAsync(azurite);
        var store = new BlobFileStore(blobs.Container);
        var file = BlobUploadFaultTests.Bytes(1_000_000, seed: 12);
        var lost = request == "block" ? RequestMatch.BlobStagedBlock : RequestMatch.BlobStagedCommit;
        blobs.Faults.Schedule = FaultSchedule.None.On(1, lost, Fault.ResetAfterServer);

        // The pipeline retries the request: a block is staged again under the same id, and a repeated commit is
        // refused by its condition and recognised by its block ids.
        var failure = await Record.ExceptionAsync(() => store.AppendStagedAsync("t1/upload-1", 0, new MemoryStream(file)));

        Assert.True(failure is null or StagedOffsetMismatchException, $"Unexpected {failure}");
        blobs.Faults.Schedule = FaultSchedule.None;
        Assert.Equal(file.Length, await store.GetStagedLengthAsync("t1/upload-1"));
        await store.PromoteAsync("t1/upload-1", "t1/run-1/file-1");
        Assert.Equal(SHA256.HashData(file), await StoredHashAsync(store, "t1/run-1/file-1"));
    }

    [Theory]
    [InlineData(100_000)]   // promoted by one Put Blob
    [InlineData(700_000)]   // promoted in blocks, committed by Put Block List
    public async Task PromoteWhoseCommitAnswerIsLost_StillStoresTheFileOnce_AndDropsTheStagedBytes(int size)
    {
        using var blobs = await FaultyBlobs.OpenAsync(azurite);
        var store = new BlobFileStore(blobs.Container);
        var file = BlobUploadFaultTests.Bytes(size, seed: size);
        await store.AppendStagedAsync("t1/upload-1", 0, new MemoryStream(file));
        var commit = new RequestMatch("commit", r => RequestMatch.BlobPutBlob.Test(r) || RequestMatch.BlobPutBlockList.Test(r)).And(RequestMatch.PathContains("/files/"));
        blobs.Faults.Schedule = FaultSchedule.None.On(1, commit, Fault.ResetAfterServer);

        await store.PromoteAsync("t1/upload-1", "t1/run-1/file-1");

        Assert.Single(blobs.Faults.Injected);
        blobs.Faults.Schedule = FaultSchedule.None;
        Assert.Equal(SHA256.HashData(file), await StoredHashAsync(store, "t1/run-1/file-1"));
        Assert.Null(await store.GetStagedLengthAsync("t1/upload-1"));
        Assert.Equal(["files/t1/run-1/file-1"], (await blobs.ListAsync("")).Select(b => b.Name));
    }

    [Fact]
    public async Task PromoteOntoADifferentExistingFile_IsStillRefused()
    {
        using var blobs = await FaultyBlobs.OpenAsync(azurite);
        var store = new BlobFileStore(blobs.Container);
        await store.AppendStagedAsync("t1/upload-1", 0, new MemoryStream(BlobUploadFaultTests.Bytes(1000, seed: 1)));
        await store.PromoteAsync("t1/upload-1", "t1/run-1/file-1");
        await store.AppendStagedAsync("t1/upload-2", 0, new MemoryStream(BlobUploadFaultTests.Bytes(1000, seed: 2)));

        await Assert.ThrowsAsync<IOException>(() => store.PromoteAsync("t1/upload-2", "t1/run-1/file-1"));

        Assert.Equal(SHA256.HashData(BlobUploadFaultTests.Bytes(1000, seed: 1)), await StoredHashAsync(store, "t1/run-1/file-1"));
    }

    private static async Task<byte[]> StoredHashAsync(BlobFileStore store, string fileKey)
    {
        await using var stored = await store.OpenReadAsync(fileKey) ?? throw new FileNotFoundException(fileKey);
        return await SHA256.HashDataAsync(stored);
    }
}
