using System.Security.Cryptography;
using System.Text;
using SakipServerless.Core.Runs;

namespace SakipServerless.Core.Storage;

/// <summary>One notification in one user's in-app inbox.</summary>
public sealed record InboxEntry
{
    /// <summary>Derived from the outbox message and the user (<see cref="IdFor"/>), so delivering a message again is a no-op.</summary>
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string UserId { get; init; }

    /// <summary>The outbox message this entry came from; also the webhook's event id.</summary>
    public required string OutboxId { get; init; }

    public required string OpdId { get; init; }

    public required string RunId { get; init; }

    public string? StepId { get; init; }

    public string? UnitId { get; init; }

    public required NotificationKind Kind { get; init; }

    /// <summary>The text the user reads, in Bahasa Indonesia.</summary>
    public required string Message { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public int? EscalationLevel { get; init; }

    /// <summary>When the transition that produced the notification happened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>
    /// A stable, URL-safe id for (message, user): the first 128 bits of SHA-256, in hex. Outbox ids carry '#' and
    /// user ids are only unique within a tenant, which the message id already pins (run ids are global).
    /// </summary>
    public static string IdFor(string outboxId, string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(outboxId + "\n" + userId)), 0, 16);
}
