using SakipServerless.Api.Runs.Engine;
using SakipServerless.Api.Templates;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Scheduling;

/// <summary>
/// Starts the runs a template's <see cref="StartSchedule"/> makes due: for every pemda, every OPD whose template's latest
/// published version has a schedule gets the run of the latest occurrence that has come, through the same
/// <see cref="IRunEngine.StartAsync"/> as <c>POST /api/runs</c>, as the <see cref="Actor.Scheduler"/>.
/// </summary>
/// <remarks>
/// <para>Idempotent: a run is one per (pemda, OPD, template, period), and both stores refuse a second one atomically
/// (SQLite's unique index, Cosmos DB's item id), so two schedulers running at once, a retry, or a scheduler and a person
/// starting the same period leave exactly one run; the loser's <see cref="RunAlreadyExistsException"/> counts as
/// <see cref="ScheduledStartsResult.Existing"/>. A run that exists, whatever its state (terminated included), is never
/// started again.</para>
/// <para>Catch-up: a scheduler that was down starts the latest occurrence only, at the moment it runs (the start event
/// names the scheduled moment); earlier missed periods and occurrences from before the schedule's first publication
/// are left to a person, so publishing a schedule in June does not start April's runs by surprise. A version stored
/// without <c>publishedAt</c> (not through publishing) starts nothing.</para>
/// <para>Hosts: the in-process timer (<c>DeadlineSweepService</c>, <c>Sakip:Schedule</c>) and <c>POST /api/dev/clock</c>
/// call <see cref="StartDueAsync"/> locally; an Azure Functions timer trigger resolves this scoped class from its
/// invocation's service scope and calls <see cref="StartDueAsync"/> with the application clock's now, nothing else.</para>
/// </remarks>
public sealed partial class ScheduledRunStarter(IDocumentStore documents, IRunStore runs, TemplateCatalog templates, TenantCalendars calendars,
    IRunEngine engine, ILogger<ScheduledRunStarter> log)
{
    /// <summary>Starts what is due at <paramref name="now"/> in every pemda.</summary>
    public async Task<ScheduledStartsResult> StartDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var total = ScheduledStartsResult.None;
        foreach (string tenantId in await documents.ListTenantIdsAsync(ct))
        {
            try
            {
                total += await StartDueAsync(tenantId, now, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One pemda's broken settings must not stop the others' starts.
                LogTenantFailed(log, e, tenantId);
                total += new ScheduledStartsResult([], 0, 1);
            }
        }

        return total;
    }

    private async Task<ScheduledStartsResult> StartDueAsync(string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var versions = (await templates.ListAsync(tenantId, ct)).ToLookup(t => t.Id);
        var calendar = await calendars.CalendarAsync(tenantId, ct);
        var started = new List<string>();
        int existing = 0, failed = 0;
        foreach (var opd in await documents.ListAsync<Opd>(tenantId, DocumentKinds.Opd, ct))
        {
            var latest = versions[opd.TemplateId].MaxBy(t => t.Version);
            if (latest?.Schedule is not { } schedule || ScheduledSince(versions[opd.TemplateId]) is not { } since
                || StartScheduleCalendar.LatestDue(schedule, calendar, now) is not { } due || due.StartsAt < since)
            {
                continue;
            }

            // The cheap read keeps a quiet minute from trying (and, in durable mode, scheduling) a start per OPD.
            var found = await runs.ListAsync(new RunQuery(tenantId) { OpdId = opd.Id, Period = due.Period }, ct);
            if (found.Any(r => r.TemplateId == opd.TemplateId))
            {
                continue;
            }

            try
            {
                string reason = $"{schedule.Source ?? schedule.Describe()} (jadwal {IndonesianFormat.DateTime(due.StartsAt)})";
                var (run, _) = await engine.StartAsync(SchedulerUser(tenantId), opd, due.Period, null, null, reason, ct);
                started.Add(run.Id);
                LogStarted(log, run.Id, tenantId, opd.Id, due.Period.Key);
            }
            catch (RunAlreadyExistsException)
            {
                existing++; // another scheduler, a retry or a person won the race: one run, as it should be
            }
            catch (DomainException e)
            {
                failed++;
                LogStartRefused(log, tenantId, opd.Id, due.Period.Key, e.Message);
            }
        }

        return new ScheduledStartsResult(started, existing, failed);
    }

    /// <summary>
    /// When the template was first published with a schedule: occurrences before that belong to the time runs were started
    /// by hand. Null when no scheduled version was published through the catalog (stored without <c>publishedAt</c>):
    /// without knowing from when the schedule holds, it starts nothing.
    /// </summary>
    private static DateTimeOffset? ScheduledSince(IEnumerable<SopTemplate> versions) =>
        versions.Where(v => v.Schedule is not null && v.PublishedAt is not null).Min(v => v.PublishedAt);

    private static AppUser SchedulerUser(string tenantId) => new()
    {
        Id = Actor.Scheduler.UserId,
        TenantId = tenantId,
        Name = Actor.Scheduler.Name,
        Roles = [.. Actor.Scheduler.Roles],
    };

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Scheduled start: run {RunId} of pemda {TenantId}, OPD {OpdId}, period {Period}")]
    private static partial void LogStarted(ILogger logger, string runId, string tenantId, string opdId, string period);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Scheduled start refused for pemda {TenantId}, OPD {OpdId}, period {Period}: {Reason}; retried at the next pass")]
    private static partial void LogStartRefused(ILogger logger, string tenantId, string opdId, string period, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Scheduled starts failed for pemda {TenantId}; the next pass retries")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, string tenantId);
}
