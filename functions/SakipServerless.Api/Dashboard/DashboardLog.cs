namespace SakipServerless.Api.Dashboard;

/// <summary>Log events of the dashboard: exports are recorded because they take performance data out of the system.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Rekap {Format} {Period} exported by {UserId} of {TenantId}: {OpdCount} OPD, {RowCount} indicators")]
    public static partial void RekapExported(ILogger logger, string format, string period, string userId, string tenantId, int opdCount, int rowCount);
}
