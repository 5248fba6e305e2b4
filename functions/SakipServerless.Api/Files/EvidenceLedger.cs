using Microsoft.Extensions.Options;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Templates;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Engine.Durable.Commands;

namespace SakipServerless.Api.Files;

/// <summary>
/// Writes evidence uploads and downloads into the run's history, with the same version guard as every transition.
/// </summary>
/// <remarks>
/// Recording is a write of the run, so it can meet a concurrent one (units submitting at 15:59, the sweep): a stale
/// write is retried on fresh state, as the embedded engine does for commands. It does not go through <c>IRunEngine</c>
/// because leadership and inspektorat, who read and write nothing else, must still leave a trace when they download.
/// With the durable engine a running or suspended run has one writer, its orchestration: the record goes to it as a
/// command. A completed or terminated run's orchestration has ended and writes nothing more, so a download there is
/// written to the store as with the embedded engine.
/// </remarks>
public sealed class EvidenceLedger(IRunStore runs, TemplateCatalog templates, TenantCalendars calendars, RunContextFactory contexts,
    IOptions<SakipOptions> options, IServiceProvider services)
{
    private const int MaxAttempts = 8;

    private static readonly TimeSpan DurableWait = TimeSpan.FromSeconds(30);

    /// <summary>Records the file; returns it, or the identical file recorded before (then nothing was written).</summary>
    public Task<EvidenceFile> RecordUploadAsync(AppUser user, string runId, EvidenceFile file, int maxFiles, CancellationToken ct) =>
        WriteAsync(user, runId, new RecordEvidenceUploadCommand(file, maxFiles),
            run => run.Evidence.First(f => f.Sha256 == file.Sha256 && f.FileName == file.FileName), ct);

    public Task RecordDownloadAsync(AppUser user, string runId, string fileId, CancellationToken ct) =>
        WriteAsync(user, runId, new RecordEvidenceDownloadCommand(fileId), _ => fileId, ct);

    private async Task<T> WriteAsync<T>(AppUser user, string runId, RunCommand command, Func<SopRun, T> result, CancellationToken ct)
    {
        var actor = CurrentUser.ToActor(user);
        for (int attempt = 1; ; attempt++)
        {
            var run = await runs.FindAsync(user.TenantId, runId, ct)
                ?? throw DomainException.NotFound("run-not-found", $"Pelaksanaan SOP '{runId}' tidak ditemukan.");
            if (options.Value.Engine.IsDurable && run.Status is RunStatus.Running or RunStatus.Suspended)
            {
                return result(await SendToOrchestrationAsync(user, run, actor, command, ct));
            }

            int version = run.Version;
            var template = await templates.GetAsync(run.TenantId, run.TemplateId, run.TemplateVersion, ct);
            command.ApplyTo(run, actor, contexts.For(template, await calendars.CalendarAsync(run.TenantId, ct)));
            if (run.Version == version)
            {
                return result(run); // nothing to write (an identical upload)
            }

            try
            {
                await runs.SaveAsync(run, version, null, ct);
                return result(run);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(2, 10 * attempt), ct);
            }
        }
    }

    private async Task<SopRun> SendToOrchestrationAsync(AppUser user, SopRun run, Actor actor, RunCommand command, CancellationToken ct)
    {
        var durable = services.GetRequiredService<DurableRunClient>();
        var envelope = new RunCommandEnvelope(Guid.NewGuid().ToString("N"), ActorData.From(actor), command);
        var outcome = await durable.SendAsync(run.Id, envelope, DurableWait, ct)
            ?? throw new TimeoutException($"Run {run.Id} did not record the evidence within {DurableWait.TotalSeconds} s.");
        if (!outcome.Applied)
        {
            throw outcome.ToException();
        }

        return await runs.FindAsync(user.TenantId, run.Id, ct) ?? throw new InvalidOperationException($"Run {run.Id} has no projection.");
    }
}
