using System.Text.Json;
using System.Text.Json.Nodes;
using SakipServerless.Core;
using SakipServerless.Core.Runs;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// The outbox inside a run item: <c>outbox</c> holds the notifications not yet dispatched (written in the same replace as
/// the transition that produced them), <c>outboxState</c> the dispatcher's lease and failure count per message, and
/// <c>pendingOutbox</c> says whether there is anything to dispatch, so the dispatcher's query selects only those items.
/// </summary>
/// <remarks>
/// A dispatched message is removed from the item rather than marked: the inbox entries and the webhook delivery are
/// its record, and the run's history keeps what happened, so the item does not grow with every notification ever sent.
/// </remarks>
internal static class RunItemOutbox
{
    public const string Messages = "outbox";
    public const string State = "outboxState";
    public const string Pending = "pendingOutbox";

    /// <summary>Sets the pending messages (keeping the state of those still there) and the pending flag.</summary>
    public static void Set(JsonObject item, IReadOnlyList<Notification> messages, JsonArray? state)
    {
        item[Messages] = JsonSerializer.SerializeToNode(messages, CoreJson.Options);
        var ids = messages.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        item[State] = new JsonArray([.. (state ?? []).Where(s => s is not null && ids.Contains((string)s["id"]!)).Select(s => s!.DeepClone())]);
        item[Pending] = messages.Count > 0;
    }

    /// <summary>The raw messages of an item, each with its id.</summary>
    public static IEnumerable<(string Id, JsonNode Message)> Raw(JsonObject item) =>
        item[Messages]?.AsArray().Where(n => n?["id"] is not null).Select(n => ((string)n!["id"]!, n)) ?? [];

    public static List<Notification> Read(JsonObject item) =>
        item[Messages]?.AsArray().Select(n => n!.Deserialize<Notification>(CoreJson.Options)!).ToList() ?? [];

    public static bool Contains(JsonObject item, string messageId) => Raw(item).Any(m => m.Id == messageId);

    /// <summary>The lease and failure count of a message; a fresh one when none was recorded.</summary>
    public static OutboxState StateOf(JsonObject item, string messageId)
    {
        var node = item[State]?.AsArray().FirstOrDefault(s => (string?)s?["id"] == messageId);
        return node is null
            ? new OutboxState(messageId, null, null, 0, null)
            : new OutboxState(messageId, (string?)node["owner"], (long?)node["until"], (int?)node["attempts"] ?? 0, (string?)node["lastError"]);
    }

    public static void Put(JsonObject item, OutboxState state)
    {
        var array = item[State] as JsonArray ?? [];
        item[State] = array;
        var existing = array.FirstOrDefault(s => (string?)s?["id"] == state.Id);
        if (existing is not null)
        {
            array.Remove(existing);
        }

        array.Add(new JsonObject
        {
            ["id"] = state.Id,
            ["owner"] = state.Owner,
            ["until"] = state.Until,
            ["attempts"] = state.Attempts,
            ["lastError"] = state.LastError,
        });
    }

    /// <summary>Removes a dispatched message and its state; false when it was not there (dispatched before).</summary>
    public static bool Remove(JsonObject item, string messageId)
    {
        var messages = item[Messages]?.AsArray();
        var message = messages?.FirstOrDefault(n => (string?)n?["id"] == messageId);
        if (message is null)
        {
            return false;
        }

        messages!.Remove(message);
        if (item[State]?.AsArray().FirstOrDefault(s => (string?)s?["id"] == messageId) is { } state)
        {
            item[State]!.AsArray().Remove(state);
        }

        item[Pending] = messages.Count > 0;
        return true;
    }
}
