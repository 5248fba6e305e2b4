namespace SakipServerless.Api.Notifications;

/// <summary>A person the notification is addressed to, as resolved when it was dispatched.</summary>
public sealed record WebhookRecipient(string UserId, string Name, string? Jabatan, IReadOnlyList<string> Roles, string? UnitId);
