using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// Sends stream operations with our retry on 429/503 (after the SDK's own), honouring Retry-After, and reads
/// queries page by page. Stream APIs report status codes instead of throwing, so 404/409/412 become decisions, not exceptions;
/// a dropped connection becomes a <see cref="CosmosStorageException"/> (503) like any other storage failure.
/// </summary>
internal sealed class CosmosCalls(CosmosStorageOptions options, TimeProvider clock)
{
    public async Task<ResponseMessage> SendAsync(Func<Task<ResponseMessage>> call, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            ResponseMessage response;
            try
            {
                response = await call();
            }
            catch (HttpRequestException e)
            {
                // Gateway mode: after a dropped connection the SDK retries reads but rethrows writes raw, since it cannot
                // know whether the server applied them. Callers tell that apart (version, idempotency record); they
                // need one storage failure type to catch, not a transport one.
                throw new CosmosStorageException(HttpStatusCode.ServiceUnavailable, $"Cosmos DB could not be reached: {e.Message}", e);
            }

            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt >= options.MaxThrottleRetries)
            {
                return response;
            }

            var wait = RetryAfter(response) ?? TimeSpan.FromMilliseconds(100 * (1 << attempt));
            response.Dispose();
            await Task.Delay(wait, clock, ct);
        }
    }

    /// <summary>The service's Retry-After (<c>x-ms-retry-after-ms</c>), when it sent one.</summary>
    internal static TimeSpan? RetryAfter(ResponseMessage response) =>
        response.Headers["x-ms-retry-after-ms"] is { } ms && double.TryParse(ms, System.Globalization.CultureInfo.InvariantCulture, out double value)
            ? TimeSpan.FromMilliseconds(value)
            : null;

    public async Task<List<JsonObject>> QueryAsync(Container container, string partitionKey, QueryDefinition query, CancellationToken ct)
    {
        var results = new List<JsonObject>();
        using var iterator = container.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey) });
        while (iterator.HasMoreResults)
        {
            using var page = await SendAsync(() => iterator.ReadNextAsync(ct), ct);
            Ensure(page, "query");
            var body = (await JsonNode.ParseAsync(page.Content, cancellationToken: ct))!.AsObject();
            foreach (var item in body["Documents"]!.AsArray())
            {
                results.Add(item!.AsObject());
            }
        }

        return results;
    }

    public static Stream ToStream(JsonObject document) => new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));

    public static async Task<JsonObject> ReadAsync(ResponseMessage response, CancellationToken ct) =>
        (await JsonNode.ParseAsync(response.Content, cancellationToken: ct))!.AsObject();

    public static void Ensure(ResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new CosmosStorageException(response.StatusCode, $"Cosmos DB {what} failed: {(int)response.StatusCode} {response.ErrorMessage}");
        }
    }
}
