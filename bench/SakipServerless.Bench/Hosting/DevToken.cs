using System.Net.Http.Json;
using System.Text.Json;

namespace SakipServerless.Bench.Hosting;

/// <summary>The development sign-in of a backend the bench started (in its own process or in this one).</summary>
public static class DevToken
{
    /// <summary>A bearer token for a seeded user.</summary>
    public static async Task<string> RequestAsync(HttpClient http, string tenantId, string userId)
    {
        using var response = await http.PostAsJsonAsync("api/dev/token", new { tenantId, userId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
