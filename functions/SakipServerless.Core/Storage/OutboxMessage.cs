using SakipServerless.Core.Runs;

namespace SakipServerless.Core.Storage;

/// <summary>A notification in the outbox, with the tenant and OPD its recipients are resolved in.</summary>
public sealed record OutboxMessage(string TenantId, string OpdId, Notification Notification);
