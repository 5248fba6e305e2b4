namespace SakipServerless.Api.Notifications;

/// <summary>Answer of <c>POST /api/me/inbox/read-all</c>: how many entries were unread and are now read.</summary>
public sealed record MarkAllReadResult(int Marked);
