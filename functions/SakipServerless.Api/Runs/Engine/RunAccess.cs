using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Runs.Engine;

/// <summary>Who may send commands to a run: checked by the API before any engine sees the command.</summary>
public static class RunAccess
{
    /// <summary>The problem to answer, or null when <paramref name="user"/> may change <paramref name="run"/>.</summary>
    /// <remarks>Another tenant's run is "not found", never "forbidden", so run ids of other tenants cannot be probed.</remarks>
    public static IResult? Refusal(AppUser user, string runId, SopRun? run)
    {
        if (run is null || !AccessPolicy.CanReadOpd(user, run.TenantId, run.OpdId))
        {
            return run is null || !AccessPolicy.SameTenant(user, run.TenantId)
                ? Problems.NotFound($"Pelaksanaan SOP '{runId}' tidak ditemukan.")
                : Problems.Forbidden("Pelaksanaan SOP ini milik OPD lain.");
        }

        return AccessPolicy.CanWriteOpd(user, run.TenantId, run.OpdId)
            ? null
            : Problems.Forbidden("Anda hanya dapat membaca pelaksanaan SOP ini; perubahan dilakukan oleh pegawai OPD tersebut.");
    }
}
