using SakipServerless.Dashboard.Api;

namespace SakipServerless.Dashboard.Overview;

/// <summary>
/// <c>GET /ringkasan/stempel</c>: the overview's fingerprint for the slicers in the query. An open overview asks for it
/// periodically (live refresh) and fetches the page again only when it changed.
/// </summary>
public static class OverviewRefreshEndpoint
{
    public static IEndpointRouteBuilder MapOverviewRefreshEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ringkasan/stempel", async (HttpContext http, SakipApiClient api) =>
        {
            var overview = await api.GetOverviewAsync(Slicers.From(http.Request.Query), http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return overview.Ok
                ? Results.Ok(new { stamp = OverviewStamp.Of(overview.Value!), generatedAt = overview.Value!.GeneratedAt })
                : Results.Problem(overview.Problem!.Message, statusCode: overview.Problem.Status);
        }).RequireAuthorization();
        return app;
    }
}
