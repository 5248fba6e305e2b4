namespace SakipServerless.Api.Files;

/// <summary>Log events of evidence files (ids 7001–7099), for the operator searching what happened to an upload.</summary>
internal static partial class FilesLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Evidence {FileId} ({Size} bytes, {ContentType}) stored for run {RunId} of {TenantId} by {UserId}")]
    public static partial void Stored(ILogger logger, string fileId, long size, string contentType, string runId, string tenantId, string userId);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Upload to run {RunId} of {TenantId} by {UserId} refused: {Code} ({Status})")]
    public static partial void Rejected(ILogger logger, string runId, string tenantId, string userId, string code, int status);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Evidence {FileId} of run {RunId} of {TenantId} read by {UserId}")]
    public static partial void Downloaded(ILogger logger, string fileId, string runId, string tenantId, string userId);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "Evidence {FileId} of run {RunId} of {TenantId} is recorded but its bytes are missing at {StorageKey}")]
    public static partial void BytesMissing(ILogger logger, string fileId, string runId, string tenantId, string storageKey);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Evidence {FileId} for run {RunId} removed again: recording it in the run failed")]
    public static partial void Compensated(ILogger logger, Exception exception, string fileId, string runId);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Upload {UploadId} of run {RunId} of {TenantId} started by {UserId}: {Size} bytes")]
    public static partial void SessionStarted(ILogger logger, string uploadId, string runId, string tenantId, string userId, long size);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "Upload {UploadId} at {Offset} of {Size} bytes")]
    public static partial void ChunkStored(ILogger logger, string uploadId, long offset, long size);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Upload clean-up removed {Sessions} expired upload(s) and {Staged} abandoned staged file(s)")]
    public static partial void Purged(ILogger logger, int sessions, int staged);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Error, Message = "Upload clean-up failed")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);
}
