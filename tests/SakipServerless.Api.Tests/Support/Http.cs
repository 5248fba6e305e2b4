using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SakipServerless.Api.Tests.Support;

/// <summary>Small helpers for reading answers in tests.</summary>
public static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem+json answer with the status and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>
    /// Uploads a small PDF report to the run and returns its file id: what a unit attaches to every submission, since a
    /// collect step asks for evidence. The same name uploaded again gives the file already recorded.
    /// </summary>
    public static async Task<string> UploadEvidenceAsync(this HttpClient client, string runId, string fileName = "laporan-realisasi.pdf")
    {
        var response = await Files.EvidenceWorld.UploadAsync(client, runId, Files.SampleFiles.Pdf(), fileName, "application/pdf");
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"evidence upload: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static JsonElement Step(this JsonElement run, string stepId) =>
        run.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == stepId);
}
