using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Blobs;
using SakipServerless.Storage.Azure.Files;
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

        var blobs = await new BlobRestClient(BlobAccount.Parse(azurite.ConnectionString)).ListAsync(container, "");
        Assert.Contains(blobs, b => b.Name.StartsWith("files/", StringComparison.Ordinal) && b.Size == pdf.Length);
        Assert.DoesNotContain(blobs, b => b.Name.StartsWith("staging/", StringComparison.Ordinal));
    }
}
