using System.Security.Claims;
using SakipServerless.Core.Runs;

namespace SakipServerless.Dashboard.Auth;

/// <summary>
/// What the auth cookie carries: the backend token and the profile read at sign-in (roles, OPD, unit, the pemda's
/// zone), so pages do not ask the backend who the user is on every request. The cookie is encrypted and HttpOnly.
/// </summary>
public static class DashboardClaims
{
    public const string Scheme = "sakip-cookie";
    public const string UserId = "sub";
    public const string TenantId = "tenant";
    public const string TenantName = "tenant_name";
    public const string TimeZoneId = "tz";
    public const string ZoneLabel = "tz_label";
    public const string OpdId = "opd";
    public const string UnitId = "unit";
    public const string Jabatan = "jabatan";
    public const string Role = "role";
    public const string Token = "access_token";

    private static readonly string[] LeaderRoles = ["pimpinan", "admin", "inspektorat"];

    public static string? AccessToken(ClaimsPrincipal user) => user.FindFirst(Token)?.Value;

    public static string Id(ClaimsPrincipal user) => user.FindFirst(UserId)?.Value ?? "";

    public static string Tenant(ClaimsPrincipal user) => user.FindFirst(TenantId)?.Value ?? "";

    public static string? Opd(ClaimsPrincipal user) => user.FindFirst(OpdId)?.Value;

    public static string? Unit(ClaimsPrincipal user) => user.FindFirst(UnitId)?.Value;

    public static IReadOnlyList<string> Roles(ClaimsPrincipal user) => [.. user.FindAll(Role).Select(c => c.Value)];

    /// <summary>The pemda's administrator (the backend decides again on every request).</summary>
    public static bool IsAdmin(ClaimsPrincipal user) => user.HasClaim(Role, WellKnownRoles.Admin);

    /// <summary>Pimpinan, admin and inspektorat read across OPDs: they land on the overview, staff on their tasks.</summary>
    public static bool ReadsAcrossOpds(ClaimsPrincipal user) => Roles(user).Any(LeaderRoles.Contains);

    /// <summary>The pemda's zone; every due time is shown in it (a user's zone is their pemda's).</summary>
    public static TimeZoneInfo Zone(ClaimsPrincipal user)
    {
        string? id = user.FindFirst(TimeZoneId)?.Value;
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static string ZoneName(ClaimsPrincipal user) => user.FindFirst(ZoneLabel)?.Value ?? "UTC";
}
