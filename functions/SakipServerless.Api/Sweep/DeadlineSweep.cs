using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Templates;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Sweep;

/// <summary>
/// One pass of the deadline sweep: reads the due index (what is due now, earliest first) and escalates each run with
/// the same version-guarded write as every other transition.
/// </summary>
/// <remarks>
/// Two sweepers on one database cannot escalate twice: both may load the same run, but only the first save at that
/// version succeeds; the loser's conflict is skipped and the next pass sees the updated due key. A sweeper that was down
/// catches up because <see cref="SopRun.ProcessDeadlines"/> applies every passed level with the original due times.
/// </remarks>
public sealed partial class DeadlineSweep(IRunStore runs, TemplateCatalog templates, TenantCalendars calendars, RunContextFactory contexts,
    IOptions<SakipOptions> options, ILogger<DeadlineSweep> log)
{
    /// <summary>Runs one pass and returns how many escalations it applied.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        int applied = 0;
        var now = contexts.Clock.GetUtcNow();
        foreach (var due in await runs.FindDueAsync(now, options.Value.Sweep.BatchSize, ct))
        {
            try
            {
                applied += await SweepRunAsync(due, ct);
            }
            catch (ConcurrencyConflictException)
            {
                LogLostRace(log, due.RunId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken run must not stop the sweep of the others.
                LogRunFailed(log, e, due.RunId);
            }
        }

        if (applied > 0)
        {
            LogSwept(log, applied);
        }

        return applied;
    }

    private async Task<int> SweepRunAsync(DueRun due, CancellationToken ct)
    {
        var run = await runs.FindAsync(due.TenantId, due.RunId, ct);
        if (run is null)
        {
            return 0;
        }

        var template = await templates.GetAsync(run.TenantId, run.TemplateId, run.TemplateVersion, ct);
        var engine = contexts.For(template, await calendars.CalendarAsync(run.TenantId, ct));
        int version = run.Version;
        int applied = run.ProcessDeadlines(engine);
        if (applied > 0)
        {
            await runs.SaveAsync(run, version, null, ct);
        }

        return applied;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Deadline sweep applied {Count} escalations")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Run {RunId} changed during the sweep; another writer won, the next pass re-reads it")]
    private static partial void LogLostRace(ILogger logger, string runId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Deadline sweep failed for run {RunId}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string runId);
}
