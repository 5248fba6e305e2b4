namespace SakipServerless.Core.Storage;

/// <summary>A slice of a user's inbox, newest first, and how many of all the user's entries are unread.</summary>
public sealed record InboxPage(IReadOnlyList<InboxEntry> Entries, int UnreadCount);
