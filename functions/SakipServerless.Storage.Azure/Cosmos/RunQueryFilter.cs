using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// The part of a <see cref="RunQuery"/> applied in memory, and the order of the answer: the test server has no
/// ORDER BY, and "late now" depends on the clock, so both run stores sort and judge lateness here, within one pemda.
/// </summary>
internal static class RunQueryFilter
{
    public static IReadOnlyList<SopRun> Apply(IEnumerable<SopRun> runs, RunQuery query)
    {
        var now = query.Now ?? DateTimeOffset.UtcNow;
        return runs
            .Where(r => query.OpdId is null || r.OpdId == query.OpdId)
            .Where(r => query.Period is null || r.Period == query.Period)
            .Where(r => query.Year is null || r.Period.Year == query.Year)
            .Where(r => query.Status is null || r.Status == query.Status)
            .Where(r => !query.LateOnly || (r.Status == RunStatus.Running
                && r.Steps.Any(s => s.IsLate(now) || s.Status == StepStatus.Active && s.UnitTasks.Any(u => u.IsLate(now)))))
            .OrderBy(r => r.OpdId, StringComparer.Ordinal).ThenBy(r => r.Period.Key, StringComparer.Ordinal)
            .ToList();
    }
}
