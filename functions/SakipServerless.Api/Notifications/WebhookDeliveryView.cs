using System.Text.Json;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Notifications;

/// <summary>A webhook delivery as admins see it: where it stands, how often it was tried, what went wrong, and what it carries.</summary>
public sealed record WebhookDeliveryView(
    string EventId,
    string Kind,
    string OpdId,
    WebhookDeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    JsonElement Payload)
{
    public static WebhookDeliveryView From(WebhookDelivery d)
    {
        using var payload = JsonDocument.Parse(d.PayloadJson);
        return new(d.EventId, d.Kind, d.OpdId, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt,
            d.DeliveredAt, d.FailedAt, payload.RootElement.Clone());
    }
}
