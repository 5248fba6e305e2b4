using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Auth;

/// <summary>
/// Who may see and change what — in one place. Tenants are walls: nothing of another pemda is visible (404).
/// Within a pemda, OPD staff see and act on their own OPD; admin acts everywhere; pimpinan and inspektorat read
/// across OPDs and write nothing. Which step a person may act on is the domain's rule (the step's actors).
/// </summary>
public static class AccessPolicy
{
    public static bool IsAdmin(AppUser user) => user.Roles.Contains(WellKnownRoles.Admin);

    public static bool ReadsAcrossOpds(AppUser user) =>
        IsAdmin(user) || user.Roles.Contains(WellKnownRoles.Pimpinan) || user.Roles.Contains(WellKnownRoles.Inspektorat);

    public static bool SameTenant(AppUser user, string tenantId) => user.TenantId == tenantId;

    public static bool CanReadOpd(AppUser user, string tenantId, string opdId) =>
        SameTenant(user, tenantId) && (ReadsAcrossOpds(user) || user.OpdId == opdId);

    public static bool CanWriteOpd(AppUser user, string tenantId, string opdId) =>
        SameTenant(user, tenantId) && (IsAdmin(user) || user.OpdId == opdId);

    /// <summary>Tenant-wide master data and template publishing.</summary>
    public static bool CanAdminister(AppUser user, string tenantId) => SameTenant(user, tenantId) && IsAdmin(user);
}
