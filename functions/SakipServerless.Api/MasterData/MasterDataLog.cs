namespace SakipServerless.Api.MasterData;

/// <summary>Log events of master-data changes (who changed what), for the audit trail outside the runs' history.</summary>
public static partial class MasterDataLog
{
    /// <summary>One category for all master-data changes, so they can be routed to an audit sink together.</summary>
    public static ILogger For(ILoggerFactory factory) => factory.CreateLogger("SakipServerless.Api.MasterData");

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Tenant {TenantId} settings updated by {UserId}")]
    public static partial void TenantUpdated(ILogger logger, string tenantId, string userId);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "OPD {OpdId} of tenant {TenantId} {Action} by {UserId}")]
    public static partial void OpdSaved(ILogger logger, string tenantId, string opdId, string action, string userId);

    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "User {SubjectId} of tenant {TenantId} {Action} by {UserId}")]
    public static partial void UserSaved(ILogger logger, string tenantId, string subjectId, string action, string userId);

    [LoggerMessage(EventId = 3130, Level = LogLevel.Information, Message = "Indicator {IndicatorId} of OPD {OpdId} (tenant {TenantId}) {Action} by {UserId}")]
    public static partial void IndicatorSaved(ILogger logger, string tenantId, string opdId, string indicatorId, string action, string userId);

    [LoggerMessage(EventId = 3140, Level = LogLevel.Information,
        Message = "CSV import for OPD {OpdId} {Year} (tenant {TenantId}) by {UserId}: {Created} created, {Updated} updated, {Unchanged} unchanged")]
    public static partial void IndicatorsImported(ILogger logger, string tenantId, string opdId, int year, string userId, int created, int updated, int unchanged);
}
