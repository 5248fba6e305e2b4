using Microsoft.Extensions.Options;
using SakipServerless.Api.Errors;

namespace SakipServerless.Api.Auth;

/// <summary>
/// Outside the <c>appservice</c> identity mode nothing strips platform principal headers, so any request carrying
/// one is someone trying to pass as another user: it is refused with 400 and logged, before authentication runs.
/// </summary>
public sealed class PrincipalHeaderGuard(RequestDelegate next, IOptions<IdentityOptions> options, ILogger<PrincipalHeaderGuard> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!options.Value.IsAppService)
        {
            foreach (string header in http.Request.Headers.Keys)
            {
                if (header.StartsWith(AppServiceAuthenticationHandler.Header, StringComparison.OrdinalIgnoreCase))
                {
                    IdentityLog.UntrustedPrincipalHeader(log, http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress?.ToString(), header);
                    await Problems.BadRequest("untrusted-principal-header",
                        $"Header {header} hanya diterima bila aplikasi berjalan di balik layanan autentikasi platform; permintaan ini ditolak.").ExecuteAsync(http);
                    return;
                }
            }
        }

        await next(http);
    }
}
