namespace SakipServerless.Api.Notifications;

/// <summary>
/// What one POST to the gateway achieved. <see cref="Retryable"/> failures are tried again later; <see cref="RetryAfter"/>
/// is the wait the gateway asked for (429/503 with <c>Retry-After</c>).
/// </summary>
public sealed record WebhookSendResult(bool Delivered, int? StatusCode, string? Error, bool Retryable, TimeSpan? RetryAfter)
{
    public static WebhookSendResult Success(int statusCode) => new(true, statusCode, null, false, null);

    public static WebhookSendResult Failure(int? statusCode, string error, bool retryable, TimeSpan? retryAfter = null) =>
        new(false, statusCode, error, retryable, retryAfter);
}
