using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SakipServerless.Dashboard.Api;

namespace SakipServerless.Dashboard.Auth;

/// <summary>
/// Turns a backend token into the dashboard's cookie session: reads the profile and the pemda with the token, then
/// signs in with the token inside the encrypted cookie. The cookie expires with the token.
/// </summary>
public sealed class SignInService(SakipApiClient api, TimeProvider clock)
{
    /// <summary>Development sign-in as a seeded user; returns the message to show when it fails.</summary>
    public async Task<string?> DevSignInAsync(HttpContext http, string tenantId, string userId, CancellationToken ct)
    {
        var token = await api.DevSignInAsync(tenantId, userId, ct);
        if (!token.Ok)
        {
            return token.Problem!.Status == 404 && token.Problem.Code == "not-found"
                ? token.Problem.Message
                : $"Gagal masuk: {token.Problem.Message}";
        }

        return await SignInWithTokenAsync(http, token.Value!.AccessToken, TimeSpan.FromSeconds(token.Value.ExpiresIn), ct);
    }

    public async Task<string?> SignInWithTokenAsync(HttpContext http, string accessToken, TimeSpan lifetime, CancellationToken ct) =>
        (await SignInAsync(http, accessToken, lifetime, ct)).Error;

    /// <summary>Signs in and returns the principal, so the current request can go on as that user.</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Error)> SignInAsync(HttpContext http, string accessToken, TimeSpan lifetime, CancellationToken ct)
    {
        var me = await api.GetMeAsync(accessToken, ct);
        var tenant = await api.GetTenantAsync(accessToken, ct);
        if (!me.Ok || !tenant.Ok)
        {
            return (null, $"Gagal membaca profil: {(me.Problem ?? tenant.Problem)!.Message}");
        }

        var user = me.Value!;
        var claims = new List<Claim>
        {
            new(DashboardClaims.UserId, user.Id),
            new(DashboardClaims.TenantId, user.TenantId),
            new(ClaimTypes.Name, user.Name),
            new(DashboardClaims.TenantName, tenant.Value!.Name),
            new(DashboardClaims.TimeZoneId, tenant.Value.TimeZone),
            new(DashboardClaims.ZoneLabel, tenant.Value.ZoneLabel),
            new(DashboardClaims.Token, accessToken),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(DashboardClaims.Role, r)));
        if (user.OpdId is not null) claims.Add(new(DashboardClaims.OpdId, user.OpdId));
        if (user.UnitId is not null) claims.Add(new(DashboardClaims.UnitId, user.UnitId));
        if (user.Jabatan is not null) claims.Add(new(DashboardClaims.Jabatan, user.Jabatan));

        var identity = new ClaimsIdentity(claims, DashboardClaims.Scheme, ClaimTypes.Name, DashboardClaims.Role);
        var expires = clock.GetUtcNow() + (lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromHours(1));
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(DashboardClaims.Scheme, principal,
            new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = false, AllowRefresh = false });
        return (principal, null);
    }

    /// <summary>Only local paths: a sign-in link must not send the user to another site.</summary>
    public static string SafeReturnUrl(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : fallback;
}
