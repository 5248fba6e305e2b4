using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Notifications;

/// <summary>
/// POSTs one delivery's payload to the configured webhook and classifies the answer. It never throws for what the
/// gateway does (errors, timeouts, refusals become a <see cref="WebhookSendResult"/>), only when the host is stopping.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<SakipOptions> options, TimeProvider clock)
{
    /// <summary>The named client; its handler can be replaced in tests through IHttpClientFactory.</summary>
    public const string ClientName = "sakip-webhook";

    public const string EventIdHeader = "X-Sakip-Event-Id";
    public const string EventKindHeader = "X-Sakip-Event-Kind";
    public const string AttemptHeader = "X-Sakip-Attempt";
    public const string SignatureHeader = "X-Sakip-Signature";

    public bool IsConfigured => Url is not null;

    private Uri? Url => string.IsNullOrWhiteSpace(options.Value.Notifications.WebhookUrl) ? null : new Uri(options.Value.Notifications.WebhookUrl);

    public async Task<WebhookSendResult> SendAsync(WebhookDelivery delivery, int attempt, CancellationToken ct)
    {
        var settings = options.Value.Notifications;
        using var request = new HttpRequestMessage(HttpMethod.Post, Url ?? throw new InvalidOperationException("Sakip:Notifications:WebhookUrl is not set."))
        {
            Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", delivery.EventId);
        request.Headers.Add(EventIdHeader, delivery.EventId);
        request.Headers.Add(EventKindHeader, delivery.Kind);
        request.Headers.Add(AttemptHeader, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(settings.WebhookSecret))
        {
            request.Headers.Add(SignatureHeader, Sign(settings.WebhookSecret, delivery.PayloadJson));
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            int code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return WebhookSendResult.Success(code);
            }

            // Timeouts, throttling and server errors pass; any other 4xx means the gateway refuses this payload, and
            // sending the same bytes again cannot change its mind.
            bool retryable = code is 408 or 425 or 429 or >= 500;
            var retryAfter = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? RetryAfter(response) : null;
            string error = $"Gateway menjawab {code} {response.ReasonPhrase}".TrimEnd() + (retryable ? "." : "; kiriman ditolak dan tidak diulang.");
            return WebhookSendResult.Failure(code, error, retryable, retryAfter);
        }
        catch (HttpRequestException e)
        {
            return WebhookSendResult.Failure(null, $"Tidak dapat terhubung ke gateway: {e.Message}", retryable: true);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return WebhookSendResult.Failure(null, $"Gateway tidak menjawab dalam {settings.WebhookTimeoutSeconds} detik.", retryable: true);
        }
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body under the shared secret.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Retry-After as a delay (seconds) or a date, measured on the application clock; never negative.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
