using System.Collections.Concurrent;
using SakipServerless.Core.Runs;

namespace SakipServerless.Storage.Sqlite;

/// <summary>
/// The last committed state of recently used runs, as this process read or wrote it, so a transition on a run the
/// process just touched neither parses its state document nor its history again.
/// </summary>
/// <remarks>
/// <para>The database stays the source of truth. Every write of a run advances its version (the store refuses one
/// that does not), so a cached run whose version equals the stored one is that stored state, whichever process
/// wrote it; any other stored version is read from the database. A history only grows, except when the durable engine
/// rewrites a diverged one (<see cref="SqliteRunStore.RewriteAsync"/>), so a stale entry's events are kept as a prefix
/// of the stored history, and only the newer events parsed, after its last event is found still stored.</para>
/// <para>Entries are private copies: callers get <see cref="SopRun.Copy"/>s and never the cached object. Bounded:
/// when full the cache starts again empty (a run of a finished quarter holds some 20–30 KB, so at most ~15 MB).</para>
/// </remarks>
internal sealed class RunCache
{
    private const int Capacity = 512;

    private readonly ConcurrentDictionary<string, SopRun> _runs = new(StringComparer.Ordinal);

    public SopRun? Get(string runId) => _runs.TryGetValue(runId, out var run) ? run : null;

    /// <summary>Remembers a committed state. The last one put wins: a slower thread's older view costs one parse later, never a wrong answer.</summary>
    public void Put(SopRun committed)
    {
        if (_runs.Count >= Capacity && !_runs.ContainsKey(committed.Id))
        {
            _runs.Clear();
        }

        _runs[committed.Id] = committed;
    }
}
