using System.Security.Cryptography;
using SakipServerless.Storage.Contract.Emulators;
using Xunit.Abstractions;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// Block uploads of the SDK's blob client (with the shipped retry options) on Azurite with the connection cut mid-upload: a cut the pipeline's retries
/// outlast leaves no committed blob (Get is 404, List shows nothing), and a second attempt commits the whole file
/// with the right bytes; a single cut, or a lost commit answer, is absorbed by the retry without damage.
/// </summary>
public sealed class BlobUploadFaultTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Block = 256 * 1024;

    private static readonly byte[] File = Bytes(7 * Block + 12_345, seed: 7);

    [Fact]
    public async Task CutMidPutBlock_BeyondTheRetries_LeavesNoCommittedBlob_AndASecondAttemptCommitsTheWholeFile()
    {
        using var blobs = await FaultyBlobs.OpenAsync(azurite, Block);
        blobs.Faults.Schedule = FaultSchedule.None.On(3, RequestMatch.BlobPutBlock, Fault.CutBodyAfter(100_000), times: 1 + FaultyBlobs.PipelineRetries);

        var failure = await Record.ExceptionAsync(() => blobs.UploadAsync("laporan.pdf", new MemoryStream(File)));

        Assert.NotNull(failure);
        output.WriteLine($"{failure.GetType().Name}: {failure.Message}");
        Assert.Equal(1 + FaultyBlobs.PipelineRetries, blobs.Faults.Injected.Count);
        await AssertNothingCommittedAsync(blobs, "laporan.pdf");

        blobs.Faults.Schedule = FaultSchedule.None;
        Assert.Equal(File.Length, await blobs.UploadAsync("laporan.pdf", new MemoryStream(File)));
        Assert.Equal(SHA256.HashData(File), await StoredHashAsync(blobs, "laporan.pdf"));
    }

    [Theory]
    [InlineData(FaultKind.ResetBeforeServer)]
    [InlineData(FaultKind.Hang)]
    [InlineData(FaultKind.Unavailable)]
    public async Task PutBlockListLost_BeyondTheRetries_LeavesNoCommittedBlob_AndTheUploadCanBeRepeated(FaultKind kind)
    {
        using var blobs = await FaultyBlobs.OpenAsync(azurite, Block);
        blobs.Faults.Schedule = FaultSchedule.None.Every(RequestMatch.BlobPutBlockList, new Fault(kind));

        var failure = await Record.ExceptionAsync(() => blobs.UploadAsync("laporan.pdf", new MemoryStream(File)));

        Assert.NotNull(failure);
        Assert.Equal(1 + FaultyBlobs.PipelineRetries, blobs.Faults.Injected.Count);
        await AssertNothingCommittedAsync(blobs, "laporan.pdf");

        blobs.Faults.Schedule = FaultSchedule.None;
        await blobs.UploadAsync("laporan.pdf", new MemoryStream(File));
        Assert.Equal(SHA256.HashData(File), await StoredHashAsync(blobs, "laporan.pdf"));
    }

    [Theory]
    [InlineData(FaultKind.CutBody)]
    [InlineData(FaultKind.ResetAfterServer)]
    [InlineData(FaultKind.Throttle)]
    public async Task OneFaultPerRequestKind_IsRetriedByThePipeline_AndCommitsTheRightBytesOnce(FaultKind kind)
    {
        using var blobs = await FaultyBlobs.OpenAsync(azurite, Block);
        var fault = kind == FaultKind.CutBody ? Fault.CutBodyAfter(50_000) : kind == FaultKind.Throttle ? Fault.Throttle(10) : new Fault(kind);
        blobs.Faults.Schedule = FaultSchedule.None.On(2, RequestMatch.BlobPutBlock, fault).On(1, RequestMatch.BlobPutBlockList, fault);

        Assert.Equal(File.Length, await blobs.UploadAsync("laporan.pdf", new MemoryStream(File)));

        Assert.Equal(2, blobs.Faults.Injected.Count);
        Assert.Equal(SHA256.HashData(File), await StoredHashAsync(blobs, "laporan.pdf"));
        Assert.Equal(File.Length, Assert.Single(await blobs.ListAsync("")).Properties.ContentLength);
    }

    internal static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    internal static async Task<byte[]> StoredHashAsync(FaultyBlobs blobs, string blob)
    {
        using var download = (await blobs.Container.GetBlobClient(blob).DownloadStreamingAsync()).Value;
        return await SHA256.HashDataAsync(download.Content);
    }

    private static async Task AssertNothingCommittedAsync(FaultyBlobs blobs, string blob)
    {
        blobs.Faults.Schedule = FaultSchedule.None;
        Assert.Equal(404, await blobs.DownloadStatusAsync(blob));
        Assert.Empty(await blobs.ListAsync(""));
    }
}
