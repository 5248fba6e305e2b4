namespace SakipServerless.Api.MasterData.Tenants;

/// <summary>The settings an admin replaces with PUT: every field is sent; an omitted list or cap means none.</summary>
public sealed record TenantRequest(string? Name, string? TimeZone, IReadOnlyList<DateOnly>? LiburDaerah, decimal? CapaianCap, bool? CapaianUncapped = null);
