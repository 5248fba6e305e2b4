namespace SakipServerless.Api.Auth;

/// <summary>Log events of identity and abuse protection (ids 7101–7199), for the operator investigating refused requests.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning,
        Message = "Request {Method} {Path} from {RemoteIp} carried a platform principal header ({Header}) while Sakip:Identity:Mode is not 'appservice'; refused")]
    public static partial void UntrustedPrincipalHeader(ILogger logger, string method, string path, string? remoteIp, string header);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Platform principal refused on {Path}: {Reason}")]
    public static partial void PrincipalRefused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Debug, Message = "Platform principal {UserId} of {TenantId} ({Provider}) signed in")]
    public static partial void PrincipalAccepted(ILogger logger, string userId, string tenantId, string? provider);

    [LoggerMessage(EventId = 7110, Level = LogLevel.Warning, Message = "Rate limit {Policy} reached by {Partition} on {Path}")]
    public static partial void RateLimited(ILogger logger, string policy, string partition, string path);
}
