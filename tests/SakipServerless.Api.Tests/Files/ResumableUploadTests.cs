using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Files;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Storage.Contract;

namespace SakipServerless.Api.Tests.Files;

public sealed class ResumableUploadTests : IAsyncLifetime
{
    private EvidenceWorld _w = null!;

    public async Task InitializeAsync() => _w = await EvidenceWorld.CreateAsync(new Dictionary<string, string?> { ["Sakip:Files:MaxChunkBytes"] = "65536" });

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private async Task<ChunkedUpload> UploaderAsync(string user = "kesbangpol-bid-politik") => new(await _w.ClientAsync(user), _w.RunId);

    [Fact]
    public async Task ChunksThenCommit_StoreTheFile_WithTheShaOfTheWhole()
    {
        var up = await UploaderAsync();
        var pdf = SampleFiles.Pdf(padding: 150_000);
        string sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var session = await up.StartAsync("Pindaian SK Tim.pdf", pdf.Length, sha, "application/pdf");
        string id = session.GetProperty("id").GetString()!;
        Assert.Equal(0, session.GetProperty("offset").GetInt64());
        Assert.Equal(65536, session.GetProperty("maxChunkBytes").GetInt64());

        await up.SendRestAsync(id, pdf, chunk: 60_000);
        var response = await up.CommitAsync(id);

        var file = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(sha, file.GetProperty("sha256").GetString());
        Assert.Equal(pdf.Length, file.GetProperty("size").GetInt64());
        var kabid = await _w.ClientAsync("kesbangpol-kabid");
        Assert.Equal(pdf, await (await kabid.GetAsync($"/api/runs/{_w.RunId}/files/{file.GetProperty("id").GetString()}")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(_w.StoredPaths(), p => p.StartsWith("staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADroppedConnection_KeepsWhatArrived_AndTheUploadContinuesFromThere()
    {
        var up = new ChunkedUpload(await _w.StreamingClientAsync("kesbangpol-bid-politik"), _w.RunId);
        var pdf = SampleFiles.Pdf(padding: 120_000);
        string id = (await up.StartAsync("laporan.pdf", pdf.Length)).GetProperty("id").GetString()!;
        await (await up.PutAsync(id, pdf, 0, 59_999)).JsonAsync(HttpStatusCode.OK);

        // The second chunk's connection drops after 20,000 of its 60,000 bytes have reached the server.
        string staged = $"{TestWorld.Tenant}/{id}";
        using var connection = new CancellationTokenSource();
        var dropping = new DroppingStream(pdf[60_000..120_000], 20_000, async () =>
        {
            for (int i = 0; i < 1000 && await _w.Store.GetStagedLengthAsync(staged) < 80_000; i++)
            {
                await Task.Delay(10);
            }

            await connection.CancelAsync(); // the test host learns of a lost connection through the request being aborted
        });
        await Assert.ThrowsAnyAsync<Exception>(() => up.PutAsync(id, pdf, 60_000, 119_999, dropping, connection.Token));
        long offset = await SettledOffsetAsync(up, id);

        Assert.Equal(80_000, offset); // nothing that arrived is thrown away
        await up.SendRestAsync(id, pdf, chunk: 60_000);
        var file = await (await up.CommitAsync(id)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.GetProperty("sha256").GetString());
    }

    /// <summary>The server notices the drop on its own schedule; a client asks until the answer stops moving.</summary>
    private static async Task<long> SettledOffsetAsync(ChunkedUpload up, string id)
    {
        long previous = -1;
        for (int i = 0; i < 50; i++)
        {
            long offset = await up.OffsetAsync(id);
            if (offset == previous && offset > 60_000)
            {
                return offset;
            }

            previous = offset;
            await Task.Delay(40);
        }

        return previous;
    }

    [Fact]
    public async Task AChunkThatDoesNotContinue_Is409WithTheOffsetToResumeFrom()
    {
        var up = await UploaderAsync();
        var pdf = SampleFiles.Pdf(padding: 100_000);
        string id = (await up.StartAsync("a.pdf", pdf.Length)).GetProperty("id").GetString()!;
        await (await up.PutAsync(id, pdf, 0, 49_999)).JsonAsync(HttpStatusCode.OK);

        var resent = await (await up.PutAsync(id, pdf, 0, 49_999)).ProblemAsync(HttpStatusCode.Conflict);
        var skipped = await (await up.PutAsync(id, pdf, 60_000, 69_999)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(50_000, resent.GetProperty("offset").GetInt64());
        Assert.Equal("offset-mismatch", skipped.GetProperty("code").GetString());
        Assert.Equal(50_000, await up.OffsetAsync(id));
    }

    [Fact]
    public async Task CommitBeforeTheLastByte_Is409_AndCommitTwice_GivesTheSameFile()
    {
        var up = await UploaderAsync();
        var pdf = SampleFiles.Pdf(padding: 10_000);
        string id = (await up.StartAsync("a.pdf", pdf.Length)).GetProperty("id").GetString()!;
        await (await up.PutAsync(id, pdf, 0, 4_999)).JsonAsync(HttpStatusCode.OK);

        var early = await (await up.CommitAsync(id)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(5_000, early.GetProperty("offset").GetInt64());

        await up.SendRestAsync(id, pdf, 65_536);
        var first = await (await up.CommitAsync(id)).JsonAsync(HttpStatusCode.Created);
        var second = await (await up.CommitAsync(id)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Single(EvidenceWorld.Events(await _w.RunAsync(_w.RunId), "evidence-uploaded"));
    }

    [Fact]
    public async Task AnUploadBelongsToWhoeverStartedIt()
    {
        var up = await UploaderAsync();
        string id = (await up.StartAsync("a.pdf", 1000)).GetProperty("id").GetString()!;

        var colleague = new ChunkedUpload(await _w.ClientAsync("kesbangpol-bid-ketahanan"), _w.RunId);

        await (await colleague.CommitAsync(id)).ProblemAsync(HttpStatusCode.NotFound);
        await (await colleague.PutAsync(id, new byte[1000], 0, 99)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ContentThatFailsInspection_OnCommit_IsRefused_AndItsBytesAreGone()
    {
        var up = await UploaderAsync();
        var exe = SampleFiles.Exe();
        string id = (await up.StartAsync("laporan.pdf", exe.Length)).GetProperty("id").GetString()!;
        await up.SendRestAsync(id, exe, 65_536);

        var problem = await (await up.CommitAsync(id)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("content-mismatch", problem.GetProperty("code").GetString());
        Assert.Empty(_w.StoredPaths());
        await (await up.CommitAsync(id)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AChecksumMismatch_IsRefused()
    {
        var up = await UploaderAsync();
        var pdf = SampleFiles.Pdf();
        string id = (await up.StartAsync("a.pdf", pdf.Length, sha256: new string('0', 64))).GetProperty("id").GetString()!;
        await up.SendRestAsync(id, pdf, 65_536);

        Assert.Equal("checksum-mismatch", (await (await up.CommitAsync(id)).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Empty(_w.StoredPaths());
    }

    [Theory]
    [InlineData("""{"fileName":"a.exe","size":10}""", 415)]
    [InlineData("""{"fileName":"a.pdf","size":0}""", 400)]
    [InlineData("""{"fileName":"../a.pdf","size":10}""", 400)]
    [InlineData("""{"fileName":"a.pdf","size":99999999999}""", 413)]
    [InlineData("""{"fileName":"a.pdf","size":10,"contentType":"image/png"}""", 415)]
    [InlineData("""{"fileName":"a.pdf","size":10,"sha256":"xyz"}""", 400)]
    [InlineData("""{"fileName":"a.pdf","size":"sepuluh"}""", 400)]
    public async Task Start_WithAnUnacceptableDeclaration_IsRefusedBeforeAnyByteIsSent(string json, int status)
    {
        var client = await _w.ClientAsync("kesbangpol-bid-politik");
        var response = await client.PostAsync($"/api/runs/{_w.RunId}/uploads", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.ProblemAsync((HttpStatusCode)status);
    }

    [Fact]
    public async Task AChunkWithoutAValidContentRange_OrLargerThanAllowed_IsRefused()
    {
        var up = await UploaderAsync();
        var pdf = SampleFiles.Pdf(padding: 100_000);
        string id = (await up.StartAsync("a.pdf", pdf.Length)).GetProperty("id").GetString()!;
        var client = await _w.ClientAsync("kesbangpol-bid-politik");

        var noRange = await client.PutAsync($"{up.Base}/{id}", new ByteArrayContent(pdf[..100]));
        var tooLarge = await up.PutAsync(id, pdf, 0, 70_000);

        Assert.Equal("content-range-invalid", (await noRange.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("chunk-too-large", (await tooLarge.ProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnAbandonedUpload_Expires_AndTheCleanUpRemovesItsBytes()
    {
        var up = await UploaderAsync();
        var pdf = SampleFiles.Pdf(padding: 10_000);
        string id = (await up.StartAsync("a.pdf", pdf.Length)).GetProperty("id").GetString()!;
        await (await up.PutAsync(id, pdf, 0, 999)).JsonAsync(HttpStatusCode.OK);
        Assert.NotEmpty(_w.StoredPaths());

        _w.Factory.Clock.Advance(TimeSpan.FromHours(25));
        up = await UploaderAsync(); // the sign-in of yesterday has expired too
        var expired = await (await up.PutAsync(id, pdf, 1000, 1999)).ProblemAsync(HttpStatusCode.NotFound);
        var (sessions, _) = await _w.Factory.Services.GetRequiredService<UploadJanitor>().RunOnceAsync(CancellationToken.None);

        Assert.Equal("upload-expired", expired.GetProperty("code").GetString());
        Assert.Equal(1, sessions);
        Assert.Empty(_w.StoredPaths());
    }

    [Fact]
    public async Task Cancel_RemovesTheUploadAndItsBytes()
    {
        var up = await UploaderAsync();
        var pdf = SampleFiles.Pdf(padding: 10_000);
        string id = (await up.StartAsync("a.pdf", pdf.Length)).GetProperty("id").GetString()!;
        await (await up.PutAsync(id, pdf, 0, 999)).JsonAsync(HttpStatusCode.OK);
        var client = await _w.ClientAsync("kesbangpol-bid-politik");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{up.Base}/{id}")).StatusCode);
        Assert.Empty(_w.StoredPaths());
        await (await client.GetAsync($"{up.Base}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
