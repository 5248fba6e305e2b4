namespace SakipServerless.Core.Storage;

/// <summary>
/// The first answer to a command sent with an <c>Idempotency-Key</c>: stored in the same write as the transition,
/// returned as is when the same key comes again.
/// </summary>
public sealed record IdempotencyRecord(string TenantId, string Key, string UserId, string RequestHash, int StatusCode, string ResponseJson, DateTimeOffset CreatedAt);
