using SakipServerless.Api.Auth;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.MasterData.Indicators;

/// <summary>
/// Indicators and targets are the OPD's Perjanjian Kinerja, signed by its head: the admin or the OPD's own
/// kepala-opd may change them; everyone who reads the OPD reads them.
/// </summary>
public static class IndicatorAccess
{
    public const string WriteRefusal = "Hanya administrator atau Kepala OPD ini yang dapat mengubah indikator dan target.";

    public static bool CanWrite(AppUser user, Opd opd) =>
        AccessPolicy.CanWriteOpd(user, opd.TenantId, opd.Id)
        && (AccessPolicy.IsAdmin(user) || user.Roles.Contains(WellKnownRoles.HeadOfOpd));
}
