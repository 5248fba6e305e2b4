using System.Diagnostics;
using SakipServerless.Api.Templates;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Seeding;

/// <summary>
/// Seeds the demo pemda into an empty database: per tenant its published template, OPD, users, indicators with
/// targets and runs in various states; the tenant documents last.
/// </summary>
/// <remarks>
/// The tenant documents are the "already seeded" marker: any tenant present means nothing is seeded, so a second start
/// changes nothing. They are written last, so a seed interrupted half-way is redone on the next start: master data is
/// overwritten with the same values, the template is published only if missing, runs already stored are kept.
/// </remarks>
internal sealed partial class DemoSeeder(IDocumentStore documents, IRunStore runs, IFileStore files, TemplateCatalog templates, RunContextFactory contexts, ILogger<DemoSeeder> log)
{
    /// <summary>Seeds when the database has no tenant; returns what was stored, or null when data was already present.</summary>
    public async Task<DemoSeedResult?> SeedAsync(DemoData data, CancellationToken ct = default)
    {
        var existing = await documents.ListTenantIdsAsync(ct);
        if (existing.Count > 0)
        {
            LogAlreadySeeded(log, existing.Count);
            return null;
        }

        long started = Stopwatch.GetTimestamp();
        var now = contexts.Clock.GetUtcNow();
        int runCount = 0;
        foreach (var tenant in data.Tenants)
        {
            runCount += await SeedTenantAsync(tenant, now, ct);
        }

        foreach (var tenant in data.Tenants)
        {
            await documents.PutAsync(tenant.Id, DocumentKinds.Tenant, tenant.Id, new Tenant { Id = tenant.Id, Name = tenant.Name, TimeZone = tenant.TimeZone }, ct);
        }

        var result = new DemoSeedResult(data.Tenants.Count, runCount, Stopwatch.GetElapsedTime(started));
        LogSeeded(log, result.Tenants, result.Runs, (long)result.Elapsed.TotalMilliseconds);
        return result;
    }

    private async Task<int> SeedTenantAsync(DemoTenant tenant, DateTimeOffset now, CancellationToken ct)
    {
        var opd = tenant.Opd;
        var template = await templates.LatestAsync(tenant.Id, opd.TemplateId, ct)
            ?? await templates.PublishAsync(tenant.Id, LoadTemplate(opd.TemplateId), ct);

        // The calendar TenantCalendars builds for a tenant without libur daerah: zone, office hours, national holidays.
        var calendar = WorkCalendar.ForZone(tenant.TimeZone);
        var users = DemoUsers.For(tenant, template, tenant.Units);
        var player = new DemoRunPlayer(tenant, template, calendar, contexts.Policy, users);
        var planned = new DemoRunPlanner(tenant, template, calendar, player).Plan(now).ToList();

        var writes = new List<DocumentWrite>
        {
            new(tenant.Id, DocumentKinds.Opd, opd.Id, new Opd
            {
                Id = opd.Id,
                TenantId = tenant.Id,
                Name = opd.Name,
                TemplateId = template.Id,
                Units = tenant.Units.Select(u => new OrgUnit(u.Id, u.Name)).ToList(),
            }),
        };
        writes.AddRange(users.Select(u => new DocumentWrite(tenant.Id, DocumentKinds.User, u.Id, u)));

        // Targets for every year a seeded run reports on (the previous year too when the current quarter is the first).
        var years = planned.Select(p => p.Period.Year).Append(DemoRunPlanner.CurrentPeriod(calendar, now).Year).Distinct();
        writes.AddRange(
            from year in years
            from numbered in tenant.Indicators.Select((indicator, index) => (indicator, index))
            let record = numbered.indicator.ToRecord(tenant.Id, opd.Id, year, $"IKU {numbered.index + 1}")
            select new DocumentWrite(tenant.Id, DocumentKinds.Indicator, record.Id, record));
        await documents.PutManyAsync(writes, ct);

        int stored = 0;
        foreach (var (period, state, run) in planned)
        {
            if (run is null)
            {
                LogStateNotReached(log, tenant.Id, period.Key, state);
                continue;
            }

            if (state == DemoRunState.Completed)
            {
                run.DrainOutbox(); // quarters long closed: their notifications are old news, not inbox items or webhooks
            }

            // The evidence bytes first, as an upload does: a run never lists a file the store does not hold.
            foreach (var file in run.Evidence)
            {
                await StoreEvidenceAsync(tenant.Id, file, player.EvidenceBytes[file.StorageKey], ct);
            }

            try
            {
                await runs.CreateAsync(run, null, ct);
                stored++;
            }
            catch (RunAlreadyExistsException)
            {
                // Stored by an earlier, interrupted seed.
            }
        }

        return stored;
    }

    private async Task StoreEvidenceAsync(string tenantId, EvidenceFile file, byte[] bytes, CancellationToken ct)
    {
        await using (var stored = await files.OpenReadAsync(file.StorageKey, ct))
        {
            if (stored is not null)
            {
                return; // stored by an earlier, interrupted seed
            }
        }

        string staging = $"{tenantId}/demo-{file.Id}";
        await files.DeleteStagedAsync(staging, ct);
        await files.AppendStagedAsync(staging, 0, new MemoryStream(bytes, writable: false), ct);
        await files.PromoteAsync(staging, file.StorageKey, ct);
    }

    private static SopTemplate LoadTemplate(string templateId) =>
        SopTemplateJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", "sop", templateId + ".json")));

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Demo data seeded: {Tenants} tenants, {Runs} runs in {ElapsedMs} ms")]
    private static partial void LogSeeded(ILogger logger, int tenants, int runs, long elapsedMs);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Demo data not seeded: the database already holds {Tenants} tenants")]
    private static partial void LogAlreadySeeded(ILogger logger, int tenants);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Demo run of {TenantId} for {Period} skipped: no start time leaves it {State} now")]
    private static partial void LogStateNotReached(ILogger logger, string tenantId, string period, DemoRunState state);
}
