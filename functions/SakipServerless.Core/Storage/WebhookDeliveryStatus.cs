namespace SakipServerless.Core.Storage;

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet; attempted again at its next attempt time.</summary>
    Pending,

    Delivered,

    /// <summary>Given up: the attempts ran out or the gateway refused the payload for good.</summary>
    Failed,
}
