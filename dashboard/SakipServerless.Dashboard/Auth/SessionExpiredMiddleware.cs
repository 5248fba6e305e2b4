using Microsoft.AspNetCore.Authentication;
using SakipServerless.Dashboard.Api;

namespace SakipServerless.Dashboard.Auth;

/// <summary>
/// When the backend no longer accepts the token (expired, or the backend restarted with new keys), signs the user
/// out and sends them to the sign-in page with the way back, instead of an error page.
/// </summary>
public sealed class SessionExpiredMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (IsUnauthorized(e) && !http.Response.HasStarted)
        {
            await http.SignOutAsync(DashboardClaims.Scheme);
            string back = http.Request.Path + http.Request.QueryString;
            http.Response.Clear();
            http.Response.Redirect("/masuk?berakhir=1&kembali=" + Uri.EscapeDataString(back));
        }
    }

    private static bool IsUnauthorized(Exception e) =>
        e is ApiUnauthorizedException || e.InnerException is ApiUnauthorizedException
        || (e is AggregateException a && a.InnerExceptions.Any(i => i is ApiUnauthorizedException));
}
