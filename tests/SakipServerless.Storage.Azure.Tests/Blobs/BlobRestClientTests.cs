using System.Security.Cryptography;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Storage.Azure.Tests.Blobs;

/// <summary>The blob REST client against Azurite (a real Blob protocol server started from npm by the fixture).</summary>
public sealed class BlobRestClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private BlobRestClient Client => new(BlobAccount.Parse(azurite.ConnectionString)) { BlockSize = 1024 * 1024 };

    private static string NewContainer() => "bukti-" + Guid.NewGuid().ToString("N")[..12];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5 * 1024 * 1024)]
    public async Task Upload_ThenDownload_GivesTheSameBytes(int size)
    {
        var client = Client;
        string container = NewContainer();
        await client.CreateContainerIfMissingAsync(container);
        var bytes = RandomNumberGenerator.GetBytes(size);

        long sent = await client.UploadAsync(container, "berkas.bin", new MemoryStream(bytes), "application/pdf");

        Assert.Equal(size, sent);
        using var download = await client.DownloadAsync(container, "berkas.bin");
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(copy.ToArray()));
        Assert.Equal("application/pdf", download.ContentType);
    }

    [Fact]
    public async Task LargeUpload_IsStreamedInBlocks_AndReadBackByRange()
    {
        var client = new BlobRestClient(BlobAccount.Parse(azurite.ConnectionString)); // default 4 MiB blocks
        string container = NewContainer();
        await client.CreateContainerIfMissingAsync(container);
        const long size = 300L * 1024 * 1024;

        long sent = await client.UploadAsync(container, "besar.bin", new PatternStream(size));

        Assert.Equal(size, sent);
        var listed = Assert.Single(await client.ListAsync(container, "besar"));
        Assert.Equal(size, listed.Size);

        using var tail = await client.DownloadAsync(container, "besar.bin", offset: size - 1000, length: 1000);
        var buffer = new byte[1000];
        await tail.Content.ReadExactlyAsync(buffer);
        Assert.Equal(PatternStream.Expected(size - 1000, 1000), buffer);

        using var all = await client.DownloadAsync(container, "besar.bin");
        long total = 0;
        var chunk = new byte[1 << 20];
        for (int read; (read = await all.Content.ReadAsync(chunk)) > 0;)
        {
            total += read;
        }

        Assert.Equal(size, total);
    }

    [Fact]
    public async Task InterruptedUpload_LeavesNoCommittedBlob()
    {
        var client = Client;
        string container = NewContainer();
        await client.CreateContainerIfMissingAsync(container);

        await Assert.ThrowsAsync<IOException>(() => client.UploadAsync(container, "putus.bin", new BreakingStream(3 * 1024 * 1024 + 10)));

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => client.DownloadAsync(container, "putus.bin"));
        Assert.True(ex.IsNotFound);
        Assert.Empty(await client.ListAsync(container, ""));
    }

    [Fact]
    public async Task MissingBlob_Is404_AndDeleteSaysSo()
    {
        var client = Client;
        string container = NewContainer();
        await client.CreateContainerIfMissingAsync(container);

        Assert.Equal(404, (await Assert.ThrowsAsync<BlobStorageException>(() => client.DownloadAsync(container, "tidak-ada.pdf"))).Status);
        Assert.False(await client.DeleteAsync(container, "tidak-ada.pdf"));
    }

    [Fact]
    public async Task Delete_RemovesTheBlob_AndListFiltersByPrefix()
    {
        var client = Client;
        string container = NewContainer();
        await client.CreateContainerIfMissingAsync(container);
        foreach (var name in new[] { "opd-a/1.pdf", "opd-a/2.pdf", "opd-b/1.pdf" })
        {
            await client.UploadAsync(container, name, new MemoryStream([1, 2, 3]));
        }

        Assert.True(await client.DeleteAsync(container, "opd-a/1.pdf"));

        Assert.Equal(["opd-a/2.pdf"], (await client.ListAsync(container, "opd-a/")).Select(b => b.Name));
    }

    [Fact]
    public async Task WrongAccountKey_Is403()
    {
        var wrong = BlobAccount.Parse(azurite.ConnectionString) with { AccountKey = RandomNumberGenerator.GetBytes(64) };
        var client = new BlobRestClient(wrong);
        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => client.CreateContainerIfMissingAsync(NewContainer()));
        Assert.Equal(403, ex.Status);
    }

    [Fact]
    public async Task ReadSas_AllowsAnAnonymousDownloadUntilItExpires()
    {
        var client = Client;
        string container = NewContainer();
        await client.CreateContainerIfMissingAsync(container);
        await client.UploadAsync(container, "laporan.pdf", new MemoryStream("%PDF-1.7"u8.ToArray()), "application/pdf");
        var now = DateTimeOffset.UtcNow;
        using var http = new HttpClient();

        var valid = BlobSasBuilder.ReadUri(client, container, "laporan.pdf", now.AddMinutes(-5), now.AddMinutes(10), "attachment; filename=\"laporan.pdf\"");
        var ok = await http.GetAsync(valid);
        Assert.Equal(System.Net.HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("%PDF-1.7", await ok.Content.ReadAsStringAsync());

        var expired = BlobSasBuilder.ReadUri(client, container, "laporan.pdf", now.AddHours(-2), now.AddHours(-1));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync(expired)).StatusCode);

        var tampered = new Uri(valid.ToString().Replace("laporan.pdf?", "lain.pdf?"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync(tampered)).StatusCode);
    }

    [Fact]
    public void ConnectionStrings_AreRead()
    {
        var dev = BlobAccount.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", dev.AccountName);
        Assert.True(dev.IsPathStyle);

        var cloud = BlobAccount.Parse($"DefaultEndpointsProtocol=https;AccountName=sakipprod;AccountKey={Convert.ToBase64String(new byte[32])};EndpointSuffix=core.windows.net");
        Assert.Equal(new Uri("https://sakipprod.blob.core.windows.net"), cloud.BlobEndpoint);
        Assert.False(cloud.IsPathStyle);

        Assert.Throws<FormatException>(() => BlobAccount.Parse("AccountKey=abc"));
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

    /// <summary>A connection that drops after some bytes, as a mobile link does.</summary>
    private sealed class BreakingStream(long breakAt) : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= breakAt)
            {
                throw new IOException("Koneksi terputus.");
            }

            int n = (int)Math.Min(count, breakAt - _position);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
