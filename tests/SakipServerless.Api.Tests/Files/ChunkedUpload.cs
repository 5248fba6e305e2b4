using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Files;

/// <summary>A client of the resumable upload protocol, as the dashboard's form would drive it.</summary>
public sealed class ChunkedUpload(HttpClient client, string runId)
{
    public string Base => $"/api/runs/{runId}/uploads";

    public async Task<JsonElement> StartAsync(string fileName, long size, string? sha256 = null, string? contentType = null) =>
        await (await client.PostJsonAsync(Base, new { fileName, size, sha256, contentType })).JsonAsync(HttpStatusCode.Created);

    public Task<HttpResponseMessage> PutAsync(string uploadId, byte[] file, long first, long last, Stream? body = null, CancellationToken ct = default)
    {
        var content = body is null ? new ByteArrayContent(file, (int)first, (int)(last - first + 1)) : (HttpContent)new StreamContent(body);
        content.Headers.ContentRange = new ContentRangeHeaderValue(first, last, file.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PutAsync($"{Base}/{uploadId}", content, ct);
    }

    public async Task<long> OffsetAsync(string uploadId) =>
        (await (await client.GetAsync($"{Base}/{uploadId}")).JsonAsync(HttpStatusCode.OK)).GetProperty("offset").GetInt64();

    public Task<HttpResponseMessage> CommitAsync(string uploadId) => client.PostAsync($"{Base}/{uploadId}/commit", null);

    /// <summary>
    /// Sends the file from the server's offset in chunks of <paramref name="chunk"/> bytes, as a resuming client does:
    /// a 409 (a chunk that does not continue, or the server still finishing the dropped one) names where to go on from.
    /// </summary>
    public async Task SendRestAsync(string uploadId, byte[] file, int chunk)
    {
        int conflicts = 0;
        for (long offset = await OffsetAsync(uploadId); offset < file.Length;)
        {
            long last = Math.Min(file.Length, offset + chunk) - 1;
            var response = await PutAsync(uploadId, file, offset, last);
            if (response.StatusCode == HttpStatusCode.Conflict && ++conflicts <= 50)
            {
                offset = (await response.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("offset").GetInt64();
                await Task.Delay(20);
                continue;
            }

            offset = (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("offset").GetInt64();
        }
    }
}
