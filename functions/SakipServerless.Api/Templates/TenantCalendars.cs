using System.Collections.Concurrent;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Templates;

/// <summary>The working-time calendar of each tenant: its zone, national holidays and its own libur daerah.</summary>
public sealed class TenantCalendars(IDocumentStore documents)
{
    private readonly ConcurrentDictionary<string, (Tenant Tenant, WorkCalendar Calendar)> _cache = new();

    public async Task<Tenant> TenantAsync(string tenantId, CancellationToken ct = default) => (await EntryAsync(tenantId, ct)).Tenant;

    public async Task<WorkCalendar> CalendarAsync(string tenantId, CancellationToken ct = default) => (await EntryAsync(tenantId, ct)).Calendar;

    /// <summary>Forgets a tenant after its settings changed.</summary>
    public void Invalidate(string tenantId) => _cache.TryRemove(tenantId, out _);

    private async Task<(Tenant Tenant, WorkCalendar Calendar)> EntryAsync(string tenantId, CancellationToken ct)
    {
        if (_cache.TryGetValue(tenantId, out var entry))
        {
            return entry;
        }

        var tenant = await documents.GetAsync<Tenant>(tenantId, DocumentKinds.Tenant, tenantId, ct)
            ?? throw DomainException.NotFound("tenant-not-found", $"Pemda '{tenantId}' tidak ditemukan.");
        var holidays = HolidayCalendar.Indonesia.With(tenant.LiburDaerah.Select(d => new Holiday(d, "Libur daerah", HolidayKind.LiburDaerah)));
        var calendar = WorkCalendar.ForZone(tenant.TimeZone, holidays: holidays);
        return _cache.GetOrAdd(tenantId, (tenant, calendar));
    }
}
