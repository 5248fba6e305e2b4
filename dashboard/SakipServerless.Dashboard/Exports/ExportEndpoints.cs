using SakipServerless.Dashboard.Api;
using SakipServerless.Dashboard.Overview;

namespace SakipServerless.Dashboard.Exports;

/// <summary>
/// <c>GET /ekspor/rekap.xlsx|csv</c> with the page's slicers: streams the backend's rekap export to the browser with
/// its file name, so the download carries the user's session without exposing the backend token to scripts.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ekspor/rekap.{format}", async (string format, HttpContext http, SakipApiClient api) =>
        {
            if (format is not ("xlsx" or "csv"))
            {
                return Results.NotFound();
            }

            var (response, problem) = await api.OpenExportAsync(format, Slicers.From(http.Request.Query), http.RequestAborted);
            return await BackendDownload.ToResultAsync(http, response, problem, $"rekap.{format}", "Rekap tidak dapat diunduh");
        }).RequireAuthorization();
        return app;
    }
}
