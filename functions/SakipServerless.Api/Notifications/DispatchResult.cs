namespace SakipServerless.Api.Notifications;

/// <summary>What one dispatcher pass did: messages dispatched and failed, inbox entries addressed
/// (an entry that already existed counts again but is not written twice), webhook outcomes.</summary>
public sealed record DispatchResult(int Dispatched, int DispatchFailures, int InboxEntries, int WebhooksDelivered, int WebhooksRetrying, int WebhooksFailed)
{
    public static DispatchResult None { get; } = new(0, 0, 0, 0, 0, 0);

    public DispatchResult Add(DispatchResult other) => new(
        Dispatched + other.Dispatched, DispatchFailures + other.DispatchFailures, InboxEntries + other.InboxEntries,
        WebhooksDelivered + other.WebhooksDelivered, WebhooksRetrying + other.WebhooksRetrying, WebhooksFailed + other.WebhooksFailed);
}
