using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Notifications;

/// <summary>One inbox entry as the API serves it; <see cref="EventId"/> matches the webhook's event id.</summary>
public sealed record InboxItemView(
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
    DateTimeOffset? ReadAt,
    string EventId)
{
    public bool Read => ReadAt is not null;

    public static InboxItemView From(InboxEntry e) =>
        new(e.Id, e.Kind, NotificationTitles.Of(e.Kind), e.Message, e.OpdId, e.RunId, e.StepId, e.UnitId, e.DueAt, e.EscalationLevel, e.CreatedAt, e.ReadAt, e.OutboxId);
}
