using SakipServerless.Api.Auth;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Files;

/// <summary>
/// Writes evidence uploads and downloads into the run's history, with the same version guard as every transition.
/// </summary>
/// <remarks>
/// Recording is a write of the run, so it can meet a concurrent one (units submitting at 15:59, the sweep): a stale
/// write is retried on fresh state, as the embedded engine does for commands. It does not go through <c>IRunEngine</c>
/// because leadership and inspektorat, who read and write nothing else, must still leave a trace when they download.
/// </remarks>
public sealed class EvidenceLedger(IRunStore runs, TimeProvider clock)
{
    private const int MaxAttempts = 8;

    /// <summary>Records the file; returns it, or the identical file recorded before (then nothing was written).</summary>
    public Task<EvidenceFile> RecordUploadAsync(AppUser user, string runId, EvidenceFile file, int maxFiles, CancellationToken ct) =>
        WriteAsync(user, runId, run =>
        {
            if (run.Evidence.Count >= maxFiles && run.FindEvidence(file.Id) is null)
            {
                throw DomainException.Conflict("evidence-limit", $"Run ini sudah memiliki {run.Evidence.Count} berkas bukti, batas yang diizinkan.");
            }

            return run.RecordEvidenceUpload(file, CurrentUser.ToActor(user), clock.GetUtcNow());
        }, ct);

    public Task RecordDownloadAsync(AppUser user, string runId, string fileId, CancellationToken ct) =>
        WriteAsync(user, runId, run =>
        {
            run.RecordEvidenceDownload(fileId, CurrentUser.ToActor(user), clock.GetUtcNow());
            return fileId;
        }, ct);

    private async Task<T> WriteAsync<T>(AppUser user, string runId, Func<SopRun, T> change, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            var run = await runs.FindAsync(user.TenantId, runId, ct)
                ?? throw DomainException.NotFound("run-not-found", $"Run '{runId}' tidak ditemukan.");
            int version = run.Version;
            var result = change(run);
            if (run.Version == version)
            {
                return result; // nothing to write (an identical upload)
            }

            try
            {
                await runs.SaveAsync(run, version, null, ct);
                return result;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(2, 10 * attempt), ct);
            }
        }
    }
}
