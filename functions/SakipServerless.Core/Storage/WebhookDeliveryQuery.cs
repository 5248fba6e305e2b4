namespace SakipServerless.Core.Storage;

/// <summary>
/// Filter for listing a tenant's webhook deliveries. <see cref="ProblemsOnly"/> keeps the failed ones and the pending
/// ones that have failed at least once.
/// </summary>
public sealed record WebhookDeliveryQuery(string TenantId, WebhookDeliveryStatus? Status = null, bool ProblemsOnly = false, int Limit = 100);
