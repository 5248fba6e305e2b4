using Microsoft.AspNetCore.Authentication;

namespace SakipServerless.Dashboard.Auth;

/// <summary>Sign-out (a POST with the antiforgery token, so another site cannot sign a user out).</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/keluar", async (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string? kembali) =>
        {
            await http.SignOutAsync(DashboardClaims.Scheme);
            return Results.LocalRedirect("/masuk");
        }).AllowAnonymous();
        return app;
    }
}
