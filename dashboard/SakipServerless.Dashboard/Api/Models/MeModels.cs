namespace SakipServerless.Dashboard.Api.Models;

/// <summary>The signed-in user as <c>GET /api/me</c> returns it.</summary>
public sealed record MeDto(string Id, string TenantId, string Name, IReadOnlyList<string> Roles, string? OpdId, string? UnitId, string? Jabatan);

/// <summary>The user's pemda (<c>GET /api/tenants/current</c>): its zone drives every time shown.</summary>
public sealed record TenantDto(string Id, string Name, string TimeZone, string ZoneLabel, decimal? CapaianCap);

/// <summary>The token answer of the development sign-in.</summary>
public sealed record TokenDto(string TokenType, string AccessToken, long ExpiresIn);
