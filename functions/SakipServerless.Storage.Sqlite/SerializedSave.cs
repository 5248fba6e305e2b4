using System.Text.Json;
using SakipServerless.Core;
using SakipServerless.Core.Runs;

namespace SakipServerless.Storage.Sqlite;

/// <summary>
/// The JSON a save writes — the state document, the new events, the outbox messages — made before the writer's turn,
/// so the one writer of the database holds the lock only to write, not to serialise.
/// </summary>
/// <remarks>
/// Which events are new is known for sure only inside the turn (the stored count); <paramref name="eventsFrom"/> is the
/// expected count (the cached state's), and an event before it that turns out to be new is serialised in the turn.
/// </remarks>
internal sealed class SerializedSave(SopRun run, IReadOnlyList<Notification> outbox, int eventsFrom)
{
    private readonly List<string> _events = run.History.Skip(eventsFrom).Select(RunJson.SerializeEvent).ToList();

    public string State { get; } = RunJson.SerializeState(run);

    public IReadOnlyList<string> Outbox { get; } = outbox.Select(n => JsonSerializer.Serialize(n, CoreJson.Options)).ToList();

    public string Event(int index) => index >= eventsFrom ? _events[index - eventsFrom] : RunJson.SerializeEvent(run.History[index]);
}
