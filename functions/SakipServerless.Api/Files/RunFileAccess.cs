using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Files;

/// <summary>
/// Who may touch a run's files, checked before a single byte of a body is read. Reading: the run's OPD, admin,
/// pimpinan and inspektorat (<see cref="AccessPolicy.CanReadOpd"/>). Adding: the run's OPD and admin, while the run
/// is running or suspended and below its file limit. Another pemda's run does not exist (404).
/// </summary>
public static class RunFileAccess
{
    public static async Task<(SopRun? Run, IResult? Denied)> ForReadingAsync(AppUser user, string runId, IRunStore runs, CancellationToken ct)
    {
        var run = await runs.FindAsync(user.TenantId, runId, ct);
        if (run is null || !AccessPolicy.SameTenant(user, run.TenantId))
        {
            return (null, Problems.NotFound($"Pelaksanaan SOP '{runId}' tidak ditemukan."));
        }

        return AccessPolicy.CanReadOpd(user, run.TenantId, run.OpdId) ? (run, null) : (null, Problems.Forbidden("Pelaksanaan SOP ini milik OPD lain; berkasnya tidak dapat dibuka."));
    }

    public static async Task<(SopRun? Run, IResult? Denied)> ForUploadAsync(AppUser user, string runId, IRunStore runs, EvidenceOptions options, CancellationToken ct)
    {
        var (run, denied) = await ForReadingAsync(user, runId, runs, ct);
        if (run is null)
        {
            return (null, denied);
        }

        if (!AccessPolicy.CanWriteOpd(user, run.TenantId, run.OpdId))
        {
            return (null, Problems.Forbidden("Anda hanya dapat membaca berkas pelaksanaan SOP ini; bukti dukung diunggah oleh pegawai OPD tersebut."));
        }

        if (run.Status is RunStatus.Completed or RunStatus.Terminated)
        {
            return (null, Problems.Conflict("run-closed", $"Pelaksanaan SOP berstatus {Labels.Of(run.Status)}; bukti dukung tidak dapat ditambahkan lagi."));
        }

        if (run.Evidence.Count >= options.MaxFilesPerRun)
        {
            return (null, Problems.Conflict("evidence-limit", $"Pelaksanaan SOP ini sudah memiliki {run.Evidence.Count} berkas bukti, batas yang diizinkan."));
        }

        return (run, null);
    }
}
