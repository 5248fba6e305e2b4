using SakipServerless.Core.MasterData;

namespace SakipServerless.Api.MasterData.Tenants;

/// <summary>A pemda as the API shows it: the stored settings plus the zone's everyday name (WIB, WITA, WIT).</summary>
public sealed record TenantView(string Id, string Name, string TimeZone, string ZoneLabel, IReadOnlyList<DateOnly> LiburDaerah, decimal? CapaianCap)
{
    public static TenantView From(Tenant tenant) =>
        new(tenant.Id, tenant.Name, tenant.TimeZone, IndonesianTimeZones.LabelOf(tenant.TimeZone), tenant.LiburDaerah, tenant.CapaianCap);
}
