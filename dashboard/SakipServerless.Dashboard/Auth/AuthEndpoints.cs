using Microsoft.AspNetCore.Authentication;

namespace SakipServerless.Dashboard.Auth;

/// <summary>Sign-out (a POST with the antiforgery token, so another site cannot sign a user out).</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/keluar", async (HttpContext http, Microsoft.Extensions.Options.IOptions<Hosting.DashboardOptions> options) =>
        {
            await http.SignOutAsync(DashboardClaims.Scheme);
            // Behind the platform its own session must end too, or the next request signs the user straight back in.
            return options.Value.PlatformIdentity
                ? Results.Redirect("/.auth/logout?post_logout_redirect_uri=/")
                : Results.LocalRedirect("/masuk");
        }).AllowAnonymous();
        return app;
    }
}
