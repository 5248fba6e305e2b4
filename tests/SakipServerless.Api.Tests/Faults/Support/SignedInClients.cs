using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>
/// Sends commands as seeded users to one of several in-process backends, signing in again when a token has expired
/// on the moving clock, and resending with the same Idempotency-Key when a command lost a write race (409).
/// </summary>
public sealed class SignedInClients
{
    private readonly ConcurrentDictionary<(ApiFactory, string), HttpClient> _clients = new();

    /// <summary>Sends until the command is answered with 200 or 201; returns the answer (the run).</summary>
    public async Task<JsonElement> SendAsync(ApiFactory backend, string userId, string url, object body, string key, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            var client = await ClientAsync(backend, userId, ct);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, ct);
            string text = await response.Content.ReadAsStringAsync(ct);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK or HttpStatusCode.Created:
                    return JsonDocument.Parse(text).RootElement.Clone();
                case HttpStatusCode.Unauthorized:
                    _clients.TryRemove((backend, userId), out _);
                    break;
                case HttpStatusCode.Conflict when attempt < 20:
                    await Task.Delay(Random.Shared.Next(1, 20), ct);
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"{url} as {userId}: {(int)response.StatusCode} {text}");
            }
        }
    }

    private async Task<HttpClient> ClientAsync(ApiFactory backend, string userId, CancellationToken ct)
    {
        if (_clients.TryGetValue((backend, userId), out var client))
        {
            return client;
        }

        client = backend.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/dev/token", new { tenantId = FaultWorld.Tenant, userId }, ct);
        response.EnsureSuccessStatusCode();
        string token = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _clients[(backend, userId)] = client;
        return client;
    }
}
