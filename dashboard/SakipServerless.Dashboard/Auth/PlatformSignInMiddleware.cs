using System.Globalization;
using Microsoft.Extensions.Options;
using SakipServerless.Dashboard.Api;
using SakipServerless.Dashboard.Hosting;

namespace SakipServerless.Dashboard.Auth;

/// <summary>
/// In Azure, App Service Authentication signs people in before a request reaches the dashboard and its token store
/// hands over their access token for the API (<c>X-MS-TOKEN-AAD-ACCESS-TOKEN</c>). With
/// <c>Dashboard:PlatformIdentity</c> on, that token opens (or renews) the dashboard's cookie session exactly as the
/// development sign-in does; with it off the header is ignored, since only the platform can vouch for it.
/// </summary>
public sealed class PlatformSignInMiddleware(RequestDelegate next, IOptions<DashboardOptions> options)
{
    public const string TokenHeader = "X-MS-TOKEN-AAD-ACCESS-TOKEN";
    public const string ExpiresHeader = "X-MS-TOKEN-AAD-EXPIRES-ON";

    public async Task InvokeAsync(HttpContext http, SignInService signIn, TimeProvider clock)
    {
        string? token = http.Request.Headers[TokenHeader];
        if (options.Value.PlatformIdentity && !string.IsNullOrEmpty(token) && token != DashboardClaims.AccessToken(http.User))
        {
            var lifetime = DateTimeOffset.TryParse(http.Request.Headers[ExpiresHeader], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
                ? expires - clock.GetUtcNow()
                : TimeSpan.FromHours(1);
            try
            {
                var (principal, _) = await signIn.SignInAsync(http, token, lifetime, http.RequestAborted);
                if (principal is not null)
                {
                    http.User = principal;
                }
            }
            catch (ApiUnauthorizedException)
            {
                // The backend refused the platform's token: the request goes on signed out and meets the sign-in page.
            }
        }

        await next(http);
    }
}
