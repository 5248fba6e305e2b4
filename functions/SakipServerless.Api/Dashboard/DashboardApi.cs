using SakipServerless.Api.Auth;
using SakipServerless.Core.MasterData;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// Dashboard read models and rekap exports. Every endpoint reads only: pimpinan, inspektorat and admin see all OPDs of
/// their pemda, OPD staff their own OPD (another OPD is a 403), and nothing of another pemda is ever in scope.
/// </summary>
public static class DashboardApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        var dashboard = api.MapGroup("/dashboard").WithTags("Dashboard");
        dashboard.MapGet("/overview", OverviewAsync)
            .WithSummary("Ringkasan pimpinan: KPI, penyelesaian per OPD, peta langkah, capaian, tren triwulan dan keterlambatan")
            .Produces<DashboardOverview>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        dashboard.MapGet("/overdue", OverdueAsync)
            .WithSummary("Daftar langkah dan tugas unit yang terlambat saat ini, paling lama terlambat lebih dulu")
            .Produces<IReadOnlyList<OverdueItem>>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        dashboard.MapGet("/capaian", CapaianAsync)
            .WithSummary("Capaian per indikator: target dan realisasi per triwulan, rekap semester dan tahunan, predikat")
            .Produces<CapaianReport>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        dashboard.MapGet("/rekap.xlsx", ([AsParameters] DashboardQuery query, CurrentUser me, DashboardReader reader, ILoggerFactory logs, CancellationToken ct) =>
                ExportAsync(query, me, reader, logs, "xlsx", XlsxType, RekapXlsxWriter.Write, ct))
            .WithSummary("Unduh rekap capaian periode yang dipilih sebagai buku kerja Excel (satu lembar per OPD, siap cetak)")
            .Produces(200, contentType: XlsxType).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        dashboard.MapGet("/rekap.csv", ([AsParameters] DashboardQuery query, CurrentUser me, DashboardReader reader, ILoggerFactory logs, CancellationToken ct) =>
                ExportAsync(query, me, reader, logs, "csv", "text/csv; charset=utf-8", RekapCsvWriter.Write, ct))
            .WithSummary("Unduh rekap capaian periode yang dipilih sebagai CSV (pemisah titik koma, koma desimal, UTF-8 dengan BOM)")
            .Produces(200, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static async Task<IResult> OverviewAsync([AsParameters] DashboardQuery query, CurrentUser me, DashboardReader reader, CancellationToken ct)
    {
        var (scope, problem) = await reader.ResolveAsync(await me.GetAsync(ct), query, ct);
        if (scope is null)
        {
            return problem!;
        }

        var calculator = new DashboardCalculator(await reader.LoadYearAsync(scope, withRuns: true, ct));
        return TypedResults.Ok(calculator.Overview(scope.Period, scope.OpdId, scope.Sasaran));
    }

    private static async Task<IResult> OverdueAsync([AsParameters] DashboardQuery query, CurrentUser me, DashboardReader reader, CancellationToken ct)
    {
        var (scope, problem) = await reader.ResolveAsync(await me.GetAsync(ct), query, ct);
        if (scope is null)
        {
            return problem!;
        }

        return TypedResults.Ok(new DashboardCalculator(await reader.LoadRunningAsync(scope, ct)).Overdue());
    }

    private static async Task<IResult> CapaianAsync([AsParameters] DashboardQuery query, CurrentUser me, DashboardReader reader, CancellationToken ct)
    {
        var (scope, problem) = await reader.ResolveAsync(await me.GetAsync(ct), query, ct);
        if (scope is null)
        {
            return problem!;
        }

        return TypedResults.Ok(new DashboardCalculator(await reader.LoadYearAsync(scope, withRuns: false, ct)).Capaian(scope.Sasaran));
    }

    private static async Task<IResult> ExportAsync(DashboardQuery query, CurrentUser me, DashboardReader reader, ILoggerFactory logs,
        string format, string contentType, Func<RekapTable, byte[]> write, CancellationToken ct)
    {
        AppUser user = await me.GetAsync(ct);
        var (scope, problem) = await reader.ResolveAsync(user, query, ct);
        if (scope is null)
        {
            return problem!;
        }

        // The same input and slicers as the capaian page; the runs say how final each OPD's figures are.
        var input = await reader.LoadYearAsync(scope, withRuns: true, ct);
        var report = new DashboardCalculator(input).Capaian(scope.Sasaran);
        var period = scope.Period.Rekap;
        var heading = new RekapHeading(scope.Tenant.Name, period.Label, scope.Sasaran, await reader.LocalNowAsync(scope.Tenant.Id, ct), report.Cap);
        var table = RekapTable.From(report, period, input.Runs, heading);
        var bytes = write(table);
        DashboardLog.RekapExported(logs.CreateLogger(typeof(DashboardApi).FullName!), format, scope.Period.Key, user.Id, user.TenantId, table.Sheets.Count, table.Sheets.Sum(s => s.Rows.Count));
        return TypedResults.File(bytes, contentType, ExportFileName.For(scope.Tenant.Id, scope.OpdId, period, scope.Sasaran, format));
    }
}
