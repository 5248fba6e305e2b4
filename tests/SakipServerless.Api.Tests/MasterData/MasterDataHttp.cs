using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.MasterData;

/// <summary>Request helpers for the master-data tests: raw JSON bodies (to send wrong types) and CSV uploads.</summary>
public static class MasterDataHttp
{
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, string json) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.SendJsonAsync(HttpMethod.Put, url, JsonSerializer.Serialize(body, TestWorld.Json));

    /// <summary>Posts CSV text as the given bytes: UTF-8 with or without BOM by default, or any encoding a sheet may be saved in.</summary>
    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string url, string csv, bool bom = false, Encoding? encoding = null,
        string contentType = "text/csv")
    {
        byte[] text = (encoding ?? new UTF8Encoding(false)).GetBytes(csv);
        byte[] bytes = bom ? [0xEF, 0xBB, 0xBF, .. text] : text;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(url, content);
    }

    /// <summary>Asserts a 400 whose <c>errors</c> map names every field in <paramref name="fields"/>, and returns it.</summary>
    public static async Task<JsonElement> ValidationAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (string field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {errors}");
            Assert.All(messages.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString())));
        }

        return problem;
    }

    public static IEnumerable<string> Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!);
}
