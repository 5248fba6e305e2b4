using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// Everything the dashboard read models are computed from, as plain data: no store, no clock, no user.
/// Built per request from runs read through <see cref="SakipServerless.Core.Storage.IDashboardRunReader"/>: on Cosmos DB the
/// projections each transition keeps in its run item (the read model), on SQLite the runs themselves.
/// </summary>
/// <param name="Opds">The OPDs in scope, in display order.</param>
/// <param name="Runs">Runs of those OPDs (of the year, or the running ones for the overdue list).</param>
/// <param name="Indicators">Indicators of those OPDs for <paramref name="Year"/>.</param>
/// <param name="Realisasi">Unit realisasi rows of those OPDs and year, in any status (only accepted ones count).</param>
/// <param name="Templates">The template versions the runs pinned, by <see cref="SopTemplate.VersionKey"/>.</param>
public sealed record DashboardInput(
    string TenantId,
    int Year,
    CapaianSettings Settings,
    IReadOnlyList<Opd> Opds,
    IReadOnlyList<SopRun> Runs,
    IReadOnlyList<IndicatorRecord> Indicators,
    IReadOnlyList<RealisasiRow> Realisasi,
    IReadOnlyDictionary<string, SopTemplate> Templates,
    DateTimeOffset Now);
