using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Notifications;

/// <summary>
/// The JSON body POSTed to the webhook for one notification. <see cref="Id"/> is the outbox message id, also sent as the
/// <c>Idempotency-Key</c> header: a gateway that sees it twice has already handled it.
/// </summary>
public sealed record WebhookPayload(
    string Id,
    NotificationKind Kind,
    string Title,
    string Message,
    string TenantId,
    string OpdId,
    string RunId,
    string? StepId,
    string? UnitId,
    DateTimeOffset? DueAt,
    int? EscalationLevel,
    DateTimeOffset OccurredAt,
    IReadOnlyList<string> RecipientRoles,
    string? RecipientUnitId,
    IReadOnlyList<WebhookRecipient> Recipients);
