using SakipServerless.Api.Auth;
using SakipServerless.Api.Clock;
using SakipServerless.Api.Dashboard;
using SakipServerless.Api.Files;
using SakipServerless.Api.FunctionsHost;
using SakipServerless.Api.Health;
using SakipServerless.Api.MasterData;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Runs;
using SakipServerless.Api.Templates;
using SakipServerless.Api.Work;

namespace SakipServerless.Api.Hosting;

/// <summary>The middleware pipeline and every route group under <c>/api</c>.</summary>
public static class BackendEndpointExtensions
{
    public static WebApplication UseSakipBackend(this WebApplication app)
    {
        app.UseMiddleware<ClockHeaderMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimitMiddleware>(app.Configuration.GetValue<long?>($"{SakipOptions.Section}:MaxJsonBodyBytes") ?? 1024 * 1024);
        app.UseMiddleware<PrincipalHeaderGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi("/api/openapi.json");

        var open = app.MapGroup("/api");
        open.MapHealthApi();
        open.MapDevSignInApi();

        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapDevClockApi();
        api.MapWorkApi();
        api.MapRunsApi();
        api.MapTemplatesApi();
        api.MapMasterDataApi();
        api.MapDashboardApi();
        api.MapNotificationsApi();
        api.MapFilesApi();
        api.MapUploadSessionsApi();

        app.MapFunctionInvocations(); // outside /api: reachable only by the Functions host, never through a forwarded route
        return app;
    }
}
