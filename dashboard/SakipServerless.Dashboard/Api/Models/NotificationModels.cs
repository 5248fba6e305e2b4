using System.Text.Json;
using SakipServerless.Core.Runs;

namespace SakipServerless.Dashboard.Api.Models;

/// <summary><c>GET /api/me/inbox</c>: the unread count over the whole inbox and the entries asked for, newest first.</summary>
public sealed record InboxDto(int UnreadCount, List<InboxItemDto> Items);

public sealed record InboxItemDto(
    string Id,
    NotificationKind Kind,
    string Title,
    string Message,
    string OpdId,
    string RunId,
    string? StepId,
    string? UnitId,
    DateTimeOffset? DueAt,
    int? EscalationLevel,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt)
{
    public bool Read => ReadAt is not null;
}

public sealed record MarkAllReadDto(int Marked);

/// <summary>A webhook delivery that failed for good or is being retried, as an admin of the pemda sees it.</summary>
public sealed record WebhookDeliveryDto(
    string EventId,
    string Kind,
    string OpdId,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? FailedAt,
    JsonElement Payload);
