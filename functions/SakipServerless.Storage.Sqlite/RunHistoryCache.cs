using System.Collections.Concurrent;
using SakipServerless.Core.Runs;

namespace SakipServerless.Storage.Sqlite;

/// <summary>
/// Parsed history events of recently used runs, so a transition parses only the events it has not seen yet.
/// </summary>
/// <remarks>
/// The database stays the source of truth: a history is append-only and its events never change, so a cached list
/// is a valid prefix of the stored history whatever another process appended since; the reader takes from the
/// cache at most the stored <c>history_count</c> events and reads the rest. Bounded: when full the cache starts
/// again empty (about 16 KB per run of a finished quarter, so at most some 16 MB).
/// </remarks>
internal sealed class RunHistoryCache
{
    private const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, RunEvent[]> _events = new(StringComparer.Ordinal);

    /// <summary>The cached events of <paramref name="runId"/>, empty when none are cached.</summary>
    public RunEvent[] Get(string runId) => _events.TryGetValue(runId, out var events) ? events : [];

    /// <summary>Remembers a committed history; a shorter one (a slower thread's older view) never replaces a longer one.</summary>
    public void Put(string runId, RunEvent[] events)
    {
        if (_events.Count >= Capacity && !_events.ContainsKey(runId))
        {
            _events.Clear();
        }

        _events.AddOrUpdate(runId, events, (_, existing) => existing.Length > events.Length ? existing : events);
    }
}
