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
            return await BackendDownload.ToResultAsync(http, response, problem, fileId, "Berkas tidak dapat diunduh");
        }).RequireAuthorization();
        return app;
    }
}
