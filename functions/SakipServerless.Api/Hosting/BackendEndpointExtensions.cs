using SakipServerless.Api.Auth;
using SakipServerless.Api.Clock;
using SakipServerless.Api.Dashboard;
using SakipServerless.Api.Files;
using SakipServerless.Api.Health;
using SakipServerless.Api.MasterData;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Runs;
using SakipServerless.Api.Templates;
using SakipServerless.Api.Work;

namespace SakipServerless.Api.Hosting;

/// <summary>The middleware pipeline and every route group under <c>/api</c>.</summary>
/// <remarks>
/// Split in two so that both hosts build the same thing: the local host (<see cref="UseSakipBackend"/>, a
/// WebApplication) and the Azure Functions app, which builds this pipeline on its own application builder and hands
/// every HTTP invocation to it (functions/SakipServerless.Functions/Http).
/// </remarks>
public static class BackendEndpointExtensions
{
    public static WebApplication UseSakipBackend(this WebApplication app)
    {
        app.UseSakipMiddleware(app.Configuration);
        app.MapSakipEndpoints(app.Configuration);
        return app;
    }

    /// <summary>What runs between routing and the endpoint: clock header, problem+json, size limit, identity, rate limits.</summary>
    public static IApplicationBuilder UseSakipMiddleware(this IApplicationBuilder app, IConfiguration configuration)
    {
        app.UseMiddleware<ClockHeaderMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimitMiddleware>(configuration.GetValue<long?>($"{SakipOptions.Section}:MaxJsonBodyBytes") ?? 1024 * 1024);
        app.UseMiddleware<PrincipalHeaderGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The OpenAPI document and every route of the API, all under <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapSakipEndpoints(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        endpoints.MapOpenApi("/api/openapi.json");

        var open = endpoints.MapGroup("/api");
        open.MapHealthApi();
        open.MapDevSignInApi();

        var api = endpoints.MapGroup("/api").RequireAuthorization();
        api.MapDevClockApi();
        api.MapWorkApi();
        api.MapRunsApi();
        if (configuration.GetValue<string>($"{SakipOptions.Section}:Engine:Mode") == EngineOptions.Durable)
        {
            api.MapRunCommandsApi(); // only the durable engine answers 202 and has commands to poll
        }
        api.MapTemplatesApi();
        api.MapMasterDataApi();
        api.MapDashboardApi();
        api.MapNotificationsApi();
        api.MapFilesApi();
        api.MapUploadSessionsApi();
        return endpoints;
    }
}
