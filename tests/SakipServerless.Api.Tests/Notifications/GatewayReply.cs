namespace SakipServerless.Api.Tests.Notifications;

/// <summary>What the fake gateway answers: a status and, for throttling, a Retry-After value.</summary>
public sealed record GatewayReply(int Status, string? RetryAfter = null);
