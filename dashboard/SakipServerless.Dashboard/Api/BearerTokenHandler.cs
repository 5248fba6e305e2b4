using System.Net.Http.Headers;
using SakipServerless.Dashboard.Auth;

namespace SakipServerless.Dashboard.Api;

/// <summary>Puts the signed-in user's backend token (kept in the encrypted, HttpOnly auth cookie) on every API call.</summary>
public sealed class BearerTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && http.HttpContext?.User is { } user && DashboardClaims.AccessToken(user) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
