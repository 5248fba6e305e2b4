namespace SakipServerless.Core.Storage;

/// <summary>An outbox message leased to one dispatcher, with the number of dispatch attempts that failed before.</summary>
public sealed record OutboxClaim(OutboxMessage Message, int FailedAttempts);
