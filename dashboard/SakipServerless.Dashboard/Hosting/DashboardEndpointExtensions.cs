using SakipServerless.Dashboard.Auth;
using SakipServerless.Dashboard.Charts;
using SakipServerless.Dashboard.Components;
using SakipServerless.Dashboard.Evidence;
using SakipServerless.Dashboard.Exports;
using SakipServerless.Dashboard.Notifications;
using SakipServerless.Dashboard.Overview;
using SakipServerless.Dashboard.Uploads;

namespace SakipServerless.Dashboard.Hosting;

/// <summary>The middleware pipeline, the pages and the few endpoints that are not pages (exports, uploads, sign-out).</summary>
public static class DashboardEndpointExtensions
{
    public static WebApplication UseSakipDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/galat", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/galat/{0}");
        app.UseCartesianPlotly();
        app.UseRouting(); // explicitly after the bundle's rewrite, which must come before endpoint matching
        app.UseMiddleware<SessionExpiredMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<PlatformSignInMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/sehat", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapAuthEndpoints();
        app.MapExportEndpoints();
        app.MapEvidenceDownloadEndpoints();
        app.MapUploadEndpoints();
        app.MapNotificationEndpoints();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
