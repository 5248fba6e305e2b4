using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Seeding;

/// <summary>
/// The demo people of a pemda, with ids a presenter can type: one user per SOP role (id = role id), <c>kepala</c> for
/// the head of the OPD, <c>staf-&lt;unit&gt;</c> per unit, and tenant-wide <c>admin</c>, <c>sekda</c> (pimpinan) and
/// <c>inspektorat</c>.
/// </summary>
internal static class DemoUsers
{
    public const string Head = "kepala";
    public const string Admin = "admin";
    public const string Pimpinan = "sekda";
    public const string Inspektorat = "inspektorat";

    public static string StaffOf(string unitId) => "staf-" + unitId;

    /// <summary>The user who holds an SOP role: the role's own user, or <c>kepala</c> when the head of the OPD plays it.</summary>
    public static string ForRole(DemoTenant tenant, string roleId) => roleId == tenant.Opd.HeadRole ? Head : roleId;

    public static IReadOnlyList<AppUser> For(DemoTenant tenant, SopTemplate template, IReadOnlyList<DemoUnit> units)
    {
        var opd = tenant.Opd;
        var users = new List<AppUser>
        {
            new()
            {
                Id = Head,
                TenantId = tenant.Id,
                Name = opd.HeadTitle,
                Jabatan = opd.HeadTitle,
                Roles = opd.HeadRole is null ? [WellKnownRoles.HeadOfOpd] : [WellKnownRoles.HeadOfOpd, opd.HeadRole],
                OpdId = opd.Id,
            },
        };

        users.AddRange(template.Roles.Where(r => r.Id != opd.HeadRole).Select(role => new AppUser
        {
            Id = role.Id,
            TenantId = tenant.Id,
            Name = $"{role.Title} {opd.ShortName}",
            Jabatan = role.Title,
            Roles = [role.Id],
            OpdId = opd.Id,
        }));

        // Unit staff hold no SOP role: what they may do follows from their unit (they submit its data).
        users.AddRange(units.Select(unit => new AppUser
        {
            Id = StaffOf(unit.Id),
            TenantId = tenant.Id,
            Name = $"Staf {unit.Name}",
            Jabatan = $"Staf {unit.Name}",
            OpdId = opd.Id,
            UnitId = unit.Id,
        }));

        users.Add(new AppUser { Id = Admin, TenantId = tenant.Id, Name = $"Admin SAKIP {tenant.Name}", Jabatan = "Administrator SAKIP", Roles = [WellKnownRoles.Admin] });
        users.Add(new AppUser { Id = Pimpinan, TenantId = tenant.Id, Name = tenant.PimpinanTitle, Jabatan = tenant.PimpinanTitle, Roles = [WellKnownRoles.Pimpinan] });
        users.Add(new AppUser { Id = Inspektorat, TenantId = tenant.Id, Name = $"Auditor Inspektorat {tenant.Name}", Jabatan = "Auditor Inspektorat", Roles = [WellKnownRoles.Inspektorat] });
        return users;
    }
}
