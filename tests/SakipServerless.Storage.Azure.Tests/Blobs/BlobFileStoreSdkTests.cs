using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Azure.Files;
using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Storage.Azure.Tests.Blobs;

/// <summary>
/// What the Blob adapter does through Azure.Storage.Blobs beyond the port's contract, on Azurite: block ids named by
/// the session, conditional commits that refuse a racing append, large files in blocks read back by range, read
/// links, and the service's refusals turned into <see cref="BlobStorageException"/>.
/// </summary>
public sealed class BlobFileStoreSdkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Block = 1024 * 1024;

    private async Task<BlobFileStore> NewStoreAsync(int blockSize = Block)
    {
        var container = new BlobServiceClient(azurite.ConnectionString, BlobPipeline.Options())
            .GetBlobContainerClient("bukti-" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateIfNotExistsAsync();
        return new BlobFileStore(container) { BlockSize = blockSize };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Block)]
    [InlineData(5 * Block + 17)]
    public async Task StagedAndStoredBlocks_AreNamedByTheUploadSession(int size)
    {
        var store = await NewStoreAsync();
        var bytes = RandomNumberGenerator.GetBytes(size);

        Assert.Equal(size, await store.AppendStagedAsync("t1/up-7", 0, new MemoryStream(bytes)));
        var staged = await Committed(store, "staging/t1/up-7");
        await store.PromoteAsync("t1/up-7", "t1/run-1/file-1");
        var stored = await Committed(store, "files/t1/run-1/file-1");

        int blocks = (size + Block - 1) / Block;
        Assert.Equal(blocks, staged.Count);
        Assert.Equal(Enumerable.Range(0, blocks).Select(i => BlockIds.For("t1/up-7", (long)i * Block, BlockIds.PromotionTag)), stored.Select(b => b.Name));
        Assert.All(staged, b => Assert.StartsWith(Prefix("t1/up-7"), Decode(b.Name), StringComparison.Ordinal));
        Assert.Equal(size, stored.Sum(b => b.SizeLong));
        await using var read = await store.OpenReadAsync("t1/run-1/file-1");
        Assert.Equal(SHA256.HashData(bytes), await SHA256.HashDataAsync(read!));
    }

    [Fact]
    public void BlockIds_AreOfOneLength_RepeatableForARetry_AndDistinctOtherwise()
    {
        string id = BlockIds.For("t1/up-1", 4096, "abcdef01");

        Assert.Equal(id, BlockIds.For("t1/up-1", 4096, "abcdef01"));
        string[] others = [BlockIds.For("t1/up-2", 4096, "abcdef01"), BlockIds.For("t1/up-1", 0, "abcdef01"), BlockIds.For("t1/up-1", 4096, BlockIds.NewTag())];
        Assert.DoesNotContain(id, others);
        Assert.All(others, o => Assert.Equal(id.Length, o.Length));
        Assert.Throws<ArgumentException>(() => BlockIds.For("t1/up-1", 0, "short"));
    }

    [Fact]
    public async Task TwoAppendsRacingAtOneOffset_OneCommits_TheOtherIsRefusedAsBusy_AndNoBytesInterleave()
    {
        var store = await NewStoreAsync();
        await store.AppendStagedAsync("t1/up-1", 0, new MemoryStream([1, 2, 3]));
        var slowArrived = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var slow = new GatedStream(Enumerable.Repeat((byte)9, 1000).ToArray(), slowArrived, release.Task);

        var first = store.AppendStagedAsync("t1/up-1", 3, slow);
        await slowArrived.Task; // the slow append has read the staged state and is waiting for its bytes
        Assert.Equal(5, await store.AppendStagedAsync("t1/up-1", 3, new MemoryStream([4, 5])));
        release.SetResult();

        var refused = await Assert.ThrowsAsync<StagedOffsetMismatchException>(() => first);
        Assert.True(refused.Busy);
        Assert.Equal(5, refused.StagedLength);
        await store.PromoteAsync("t1/up-1", "t1/run/f");
        await using var read = await store.OpenReadAsync("t1/run/f");
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal([1, 2, 3, 4, 5], copy.ToArray());
    }

    [Fact]
    public async Task LargeFile_IsStreamedInBlocks_AndTheStoredStreamSeeksForRanges()
    {
        var store = await NewStoreAsync(4 * Block);
        const long size = 48L * 1024 * 1024 + 5;

        Assert.Equal(size, await store.AppendStagedAsync("t1/besar", 0, new PatternStream(size)));
        await store.PromoteAsync("t1/besar", "t1/run/besar");

        await using var stored = await store.OpenReadAsync("t1/run/besar");
        Assert.True(stored!.CanSeek);
        Assert.Equal(size, stored.Length);
        stored.Seek(size - 1000, SeekOrigin.Begin);
        var tail = new byte[1000];
        await stored.ReadExactlyAsync(tail);
        Assert.Equal(PatternStream.Expected(size - 1000, 1000), tail);
        stored.Position = 0;
        long total = 0;
        var chunk = new byte[1 << 20];
        for (int read; (read = await stored.ReadAsync(chunk)) > 0;)
        {
            total += read;
        }

        Assert.Equal(size, total);
    }

    [Fact]
    public async Task ReadLink_AllowsAnAnonymousDownload_WhileItLasts_AndOnlyOfThatFile()
    {
        var store = await NewStoreAsync();
        await store.AppendStagedAsync("t1/up", 0, new MemoryStream("%PDF-1.7"u8.ToArray()));
        await store.PromoteAsync("t1/up", "t1/run/laporan");
        using var http = new HttpClient();

        var link = await store.ReadLinkAsync("t1/run/laporan", TimeSpan.FromMinutes(10), "laporan.pdf");
        var ok = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("%PDF-1.7", await ok.Content.ReadAsStringAsync());
        Assert.Contains("laporan.pdf", ok.Content.Headers.ContentDisposition?.ToString());

        var expired = await store.ReadLinkAsync("t1/run/laporan", TimeSpan.FromMinutes(-10));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(expired)).StatusCode);
        var tampered = new Uri(link.ToString().Replace("laporan?", "lain?", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(tampered)).StatusCode);
    }

    [Fact]
    public async Task AWrongAccountKey_IsA403_NotATransientFailure()
    {
        string wrong = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)), StringComparison.Ordinal);
        var store = new BlobFileStore(new BlobServiceClient(wrong, BlobPipeline.Options()).GetBlobContainerClient("bukti"));

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => store.GetStagedLengthAsync("t1/up"));

        Assert.Equal(403, ex.Status);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task AServiceThatIsNotThere_IsTransient_AfterTheRetries()
    {
        int port = Emulators.FreePort(); // nothing listens here
        var options = BlobPipeline.Options();
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(10);
        string connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.AccountName}";
        var store = new BlobFileStore(new BlobServiceClient(connection, options).GetBlobContainerClient("bukti"));

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => store.AppendStagedAsync("t1/up", 0, new MemoryStream([1])));

        Assert.Equal(503, ex.Status);
        Assert.True(ex.IsTransient);
    }

    private static async Task<List<BlobBlock>> Committed(BlobFileStore store, string blob) =>
        [.. (await store.Container.GetBlockBlobClient(blob).GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks];

    private static string Decode(string id) => Encoding.ASCII.GetString(Convert.FromBase64String(id));

    private static string Prefix(string stagingKey) => Decode(BlockIds.For(stagingKey, 0, "00000000"))[..17];

    /// <summary>Announces that it was first read, then delivers its bytes only once released.</summary>
    private sealed class GatedStream(byte[] data, TaskCompletionSource firstRead, Task released) : Stream
    {
        private int _position;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            firstRead.TrySetResult();
            await released;
            int n = Math.Min(buffer.Length, data.Length - _position);
            data.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A deterministic stream of the given length that is never held in memory.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public static byte[] Expected(long offset, int count) => Enumerable.Range(0, count).Select(i => (byte)((offset + i) % 251)).ToArray();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((_position + i) % 251);
            }

            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
