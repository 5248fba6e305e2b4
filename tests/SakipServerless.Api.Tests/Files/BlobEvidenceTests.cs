using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Core.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SakipServerless.Storage.Azure.Files;
using SakipServerless.Storage.Contract;
using SakipServerless.Storage.Contract.Emulators;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Files;

/// <summary>The same binary with <c>Sakip:Files:Provider=blob</c>: evidence goes through the API into Azurite and back.</summary>
public sealed class BlobEvidenceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Upload_AndDownload_GoThroughBlobStorage_WhenConfigured()
    {
        string container = "evidence-" + Guid.NewGuid().ToString("N")[..8];
        await using var world = await EvidenceWorld.CreateAsync(new Dictionary<string, string?>
        {
            ["Sakip:Files:Provider"] = "blob",
            ["Sakip:Files:BlobConnectionString"] = azurite.ConnectionString,
            ["Sakip:Files:BlobContainer"] = container,
        });
        Assert.IsType<BlobFileStore>(world.Factory.Services.GetRequiredService<IFileStore>());
        var staff = await world.ClientAsync("kesbangpol-bid-politik");
        var pdf = SampleFiles.Pdf(padding: 300_000);

        var uploaded = await (await EvidenceWorld.UploadAsync(staff, world.RunId, pdf, "laporan-tw1.pdf", "application/pdf")).JsonAsync(HttpStatusCode.Created);
        string fileId = uploaded.GetProperty("id").GetString()!;

        var download = await staff.GetAsync($"/api/runs/{world.RunId}/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SHA256.HashData(pdf), SHA256.HashData(await download.Content.ReadAsByteArrayAsync()));

        var blobs = await ListAsync(container);
        Assert.Contains(blobs, b => b.Name.StartsWith("files/", StringComparison.Ordinal) && b.Properties.ContentLength == pdf.Length);
        Assert.DoesNotContain(blobs, b => b.Name.StartsWith("staging/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AResumableUpload_WhoseConnectionDrops_ContinuesFromTheStagedBlob_AndCommitsTheWholeFile()
    {
        string container = "evidence-" + Guid.NewGuid().ToString("N")[..8];
        await using var world = await EvidenceWorld.CreateAsync(new Dictionary<string, string?>
        {
            ["Sakip:Files:Provider"] = "blob",
            ["Sakip:Files:BlobConnectionString"] = azurite.ConnectionString,
            ["Sakip:Files:BlobContainer"] = container,
            ["Sakip:Files:MaxChunkBytes"] = "65536",
        });
        var up = new ChunkedUpload(await world.StreamingClientAsync("kesbangpol-bid-politik"), world.RunId);
        var pdf = SampleFiles.Pdf(padding: 120_000);
        string id = (await up.StartAsync("laporan.pdf", pdf.Length)).GetProperty("id").GetString()!;
        await (await up.PutAsync(id, pdf, 0, 59_999)).JsonAsync(HttpStatusCode.OK);

        // The second chunk's connection drops after 20,000 of its 60,000 bytes were sent.
        using var connection = new CancellationTokenSource();
        var dropping = new DroppingStream(pdf[60_000..120_000], 20_000, async () =>
        {
            await Task.Delay(200);
            await connection.CancelAsync();
        });
        await Assert.ThrowsAnyAsync<Exception>(() => up.PutAsync(id, pdf, 60_000, 119_999, dropping, connection.Token));

        // Whatever reached the server before the drop is committed to the staged blob (how much of the 20,000 bytes the
        // test host had taken when the connection went is up to it).
        long offset = await SettledOffsetAsync(up, id);
        Assert.InRange(offset, 60_000, 80_000);
        Assert.DoesNotContain(await ListAsync(container), b => b.Name.StartsWith("files/", StringComparison.Ordinal));

        await up.SendRestAsync(id, pdf, chunk: 60_000);
        var file = await (await up.CommitAsync(id)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.GetProperty("sha256").GetString());
        var download = await (await world.ClientAsync("kesbangpol-bid-politik")).GetAsync($"/api/runs/{world.RunId}/files/{file.GetProperty("id").GetString()}");
        Assert.Equal(SHA256.HashData(pdf), SHA256.HashData(await download.Content.ReadAsByteArrayAsync()));
        Assert.DoesNotContain(await ListAsync(container), b => b.Name.StartsWith("staging/", StringComparison.Ordinal));
    }

    private async Task<List<BlobItem>> ListAsync(string container)
    {
        var items = new List<BlobItem>();
        await foreach (var item in new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>The server notices the drop on its own schedule; a client asks until the answer stops moving.</summary>
    private static async Task<long> SettledOffsetAsync(ChunkedUpload up, string id)
    {
        long previous = -1;
        for (int i = 0; i < 50; i++)
        {
            long offset = await up.OffsetAsync(id);
            if (offset == previous)
            {
                return offset;
            }

            previous = offset;
            await Task.Delay(100);
        }

        return previous;
    }
}
