using SakipServerless.Api.Templates;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Engine.Durable.Orchestration;

namespace SakipServerless.Api.Runs.Engine;

/// <summary>
/// Durable mode's start-up pass: every open run in the store (running or suspended) that the task hub does not know
/// gets its orchestration, continuing from the stored state (<see cref="DurableRunClient.AdoptAsync"/>).
/// </summary>
/// <remarks>
/// Such runs come from the demo seeder, which writes played runs straight into the store, and from a local database
/// that the embedded engine kept before the switch to <c>Sakip:Engine:Mode=durable</c>. Without an orchestration
/// such a run could take no command and no deadline. Finished runs need none: the store answers every read of them.
/// The run's time starts at the application clock's now, so a due time already past escalates at the first timer,
/// as the sweep would have.
/// </remarks>
public sealed partial class RunAdoption(DurableRunClient durable, IDocumentStore documents, IRunStore runs, TemplateCatalog templates, TenantCalendars calendars,
    RunContextFactory contexts, ILogger<RunAdoption> log)
{
    public async Task<int> AdoptOpenRunsAsync(CancellationToken ct = default)
    {
        int adopted = 0;
        foreach (string tenantId in await documents.ListTenantIdsAsync(ct))
        {
            var tenant = await calendars.TenantAsync(tenantId, ct);
            var calendar = new CalendarSpec(tenant.TimeZone, tenant.LiburDaerah);
            foreach (var status in new[] { RunStatus.Running, RunStatus.Suspended })
            {
                foreach (var run in await runs.ListAsync(new RunQuery(tenantId) { Status = status }, ct))
                {
                    var template = await templates.GetAsync(tenantId, run.TemplateId, run.TemplateVersion, ct);
                    if (await durable.AdoptAsync(template, calendar, contexts.Policy, run, new RunClockOptions(RunOrigin: contexts.Clock.GetUtcNow()), ct))
                    {
                        adopted++;
                    }
                }
            }
        }

        LogAdopted(log, adopted);
        return adopted;
    }

    [LoggerMessage(EventId = 7210, Level = LogLevel.Information, Message = "Durable mode: {Adopted} open runs of the store had no orchestration and were given one")]
    private static partial void LogAdopted(ILogger logger, int adopted);
}
