using SakipServerless.Dashboard.Api;

namespace SakipServerless.Dashboard.Evidence;

/// <summary>
/// <c>GET /berkas/{runId}/{fileId}</c>: streams an evidence file from the backend to the browser under its stored
/// name, so a reviewer opens what a unit attached with the session's rights (the backend checks them and records the
/// download in the run's history).
/// </summary>
public static class EvidenceDownloadEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceDownloadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/berkas/{runId}/{fileId}", async (string runId, string fileId, HttpContext http, SakipApiClient api) =>
        {
            var (response, problem) = await api.OpenFileAsync(runId, fileId, http.RequestAborted);
            if (response is null)
            {
                return Results.Content($"Berkas tidak dapat diunduh: {problem!.Describe()}", "text/plain; charset=utf-8", statusCode: problem.Status);
            }

            http.Response.RegisterForDispose(response);
            var headers = response.Content.Headers;
            string fileName = headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"') ?? fileId;
            return Results.Stream(await response.Content.ReadAsStreamAsync(http.RequestAborted), headers.ContentType?.ToString(), fileName);
        }).RequireAuthorization();
        return app;
    }
}
