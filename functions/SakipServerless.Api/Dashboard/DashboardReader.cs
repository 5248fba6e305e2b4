using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Templates;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// Resolves a request's scope (validation and access) and loads the calculator's input with one query per kind of
/// data: OPDs, indicators, runs (whose documents carry the unit submissions), and templates from the catalog's cache.
/// Runs come through <see cref="IDashboardRunReader"/>: on Cosmos DB the read-model projections kept with each
/// transition, on SQLite the runs themselves.
/// </summary>
public sealed class DashboardReader(IDashboardRunReader runs, IDocumentStore documents, TemplateCatalog templates, TenantCalendars calendars, TimeProvider clock)
{
    private const int MaxSasaranLength = 300;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Validates the slicers and applies the reading rules: leaders (pimpinan, inspektorat, admin) see every OPD of their
    /// pemda; OPD staff see their own OPD, and asking for another is a 403; the tenant always comes from the user, so
    /// another pemda's data is never in scope. Returns the scope, or the problem to answer with.
    /// </summary>
    public async Task<(DashboardScope? Scope, IResult? Problem)> ResolveAsync(AppUser user, DashboardQuery query, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        int? year = null;
        if (Clean(query.Year) is { } yearText)
        {
            if (int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y) && y is >= 2000 and <= 2100)
            {
                year = y;
            }
            else
            {
                errors["year"] = ["Tahun harus berupa angka antara 2000 dan 2100."];
            }
        }

        DashboardPeriod? period = null;
        if (Clean(query.Period) is { } periodText)
        {
            if (DashboardPeriod.TryParse(periodText, out var p))
            {
                period = p;
            }
            else
            {
                errors["period"] = ["Periode tidak dikenali; gunakan 2026-Q1 sampai 2026-Q4 (triwulan), 2026-S1 atau 2026-S2 (semester), atau 2026-Y (tahunan)."];
            }
        }

        if (year is { } chosenYear && period is { } chosenPeriod && chosenPeriod.Year != chosenYear)
        {
            errors["period"] = [$"Periode {chosenPeriod.Key} tidak berada pada tahun {chosenYear}."];
        }

        string? sasaran = Clean(query.Sasaran);
        if (sasaran?.Length > MaxSasaranLength)
        {
            errors["sasaran"] = [$"Sasaran paling panjang {MaxSasaranLength} karakter."];
        }

        string? opdId = Clean(query.OpdId);
        if (errors.Count > 0)
        {
            return (null, Problems.Validation(errors));
        }

        if (!AccessPolicy.ReadsAcrossOpds(user))
        {
            if (opdId is not null && opdId != user.OpdId)
            {
                return (null, Problems.Forbidden("Anda hanya dapat melihat dasbor OPD Anda sendiri."));
            }

            opdId = user.OpdId;
            if (opdId is null)
            {
                // Staff without an OPD read nothing; an empty scope answers with empty read models.
                var tenantOnly = await calendars.TenantAsync(user.TenantId, ct);
                int y = year ?? period?.Year ?? await CurrentYearAsync(user.TenantId, ct);
                return (new DashboardScope(tenantOnly, y, period ?? DashboardPeriod.Tahunan(y), null, sasaran, [], year is not null || period is not null), null);
            }
        }

        var tenant = await calendars.TenantAsync(user.TenantId, ct);
        var opds = await documents.ListAsync<Opd>(user.TenantId, DocumentKinds.Opd, ct);
        if (opdId is not null)
        {
            opds = opds.Where(o => o.Id == opdId).ToList();
            if (opds.Count == 0)
            {
                return (null, Problems.NotFound($"OPD '{opdId}' tidak ditemukan."));
            }
        }

        int chosen = year ?? period?.Year ?? await CurrentYearAsync(user.TenantId, ct);
        return (new DashboardScope(tenant, chosen, period ?? DashboardPeriod.Tahunan(chosen), opdId, sasaran, opds, year is not null || period is not null), null);
    }

    /// <summary>The input for the year's read models: its runs (all quarters, for the trend), indicators and realisasi.</summary>
    public async Task<DashboardInput> LoadYearAsync(DashboardScope scope, bool withRuns, CancellationToken ct)
    {
        if (scope.Opds.Count == 0)
        {
            return Empty(scope);
        }

        var opdIds = scope.Opds.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var indicators = (await documents.ListAsync<IndicatorRecord>(scope.Tenant.Id, DocumentKinds.Indicator, ct))
            .Where(i => i.Year == scope.Year && opdIds.Contains(i.OpdId)).ToList();
        var yearRuns = (await runs.ListAsync(new RunQuery(scope.Tenant.Id) { Year = scope.Year, OpdId = scope.OpdId }, ct))
            .Where(r => opdIds.Contains(r.OpdId)).ToList();
        var realisasi = RealisasiRow.FromRuns(yearRuns);
        var pinned = withRuns ? await TemplatesOfAsync(scope.Tenant.Id, yearRuns, ct) : new Dictionary<string, SopTemplate>();
        return new DashboardInput(scope.Tenant.Id, scope.Year, SettingsOf(scope.Tenant), scope.Opds, withRuns ? yearRuns : [],
            indicators, realisasi, pinned, Now);
    }

    /// <summary>The input for the overdue list: the running runs of the OPDs in scope, of any period unless one was chosen.</summary>
    public async Task<DashboardInput> LoadRunningAsync(DashboardScope scope, CancellationToken ct)
    {
        if (scope.Opds.Count == 0)
        {
            return Empty(scope);
        }

        var opdIds = scope.Opds.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var query = new RunQuery(scope.Tenant.Id) { Status = RunStatus.Running, OpdId = scope.OpdId, Year = scope.PeriodChosen ? scope.Year : null };
        var running = (await runs.ListAsync(query, ct))
            .Where(r => opdIds.Contains(r.OpdId) && (!scope.PeriodChosen || scope.Period.Rekap.Triwulans.Contains(r.Period.Quarter))).ToList();
        return new DashboardInput(scope.Tenant.Id, scope.Year, SettingsOf(scope.Tenant), scope.Opds, running, [], [],
            await TemplatesOfAsync(scope.Tenant.Id, running, ct), Now);
    }

    /// <summary>The tenant's policy: its cap, and the default predikat bands (tenants do not configure bands yet).</summary>
    public static CapaianSettings SettingsOf(Tenant tenant) => new(tenant.CapaianCap, PredicateBands.Default);

    private DashboardInput Empty(DashboardScope scope) =>
        new(scope.Tenant.Id, scope.Year, SettingsOf(scope.Tenant), scope.Opds, [], [], [], new Dictionary<string, SopTemplate>(), Now);

    /// <summary>Template versions are immutable and cached by the catalog, so this reads each version at most once per process.</summary>
    private async Task<Dictionary<string, SopTemplate>> TemplatesOfAsync(string tenantId, IEnumerable<SopRun> list, CancellationToken ct)
    {
        var pinned = new Dictionary<string, SopTemplate>(StringComparer.Ordinal);
        foreach (var (id, version) in list.Select(r => (r.TemplateId, r.TemplateVersion)).Distinct())
        {
            var template = await templates.GetAsync(tenantId, id, version, ct);
            pinned[template.VersionKey] = template;
        }

        return pinned;
    }

    /// <summary>Now on the pemda's clock, for what is printed on an export.</summary>
    public async Task<DateTimeOffset> LocalNowAsync(string tenantId, CancellationToken ct) =>
        (await calendars.CalendarAsync(tenantId, ct)).ToLocal(Now);

    /// <summary>The year on the pemda's own calendar (at 31 December 23:00 UTC it is already next year in WIT).</summary>
    private async Task<int> CurrentYearAsync(string tenantId, CancellationToken ct) => (await LocalNowAsync(tenantId, ct)).Year;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
