namespace SakipServerless.Api.Notifications;

/// <summary>Answer of <c>GET /api/me/inbox</c>: the unread count over the whole inbox and the requested entries, newest first.</summary>
public sealed record InboxView(int UnreadCount, IReadOnlyList<InboxItemView> Items);
