namespace SakipServerless.Api.Tests.Notifications;

/// <summary>One POST the fake gateway received.</summary>
public sealed record GatewayRequest(string EventId, string? IdempotencyKey, string? Attempt, string? Signature, string? ContentType, string Body);
