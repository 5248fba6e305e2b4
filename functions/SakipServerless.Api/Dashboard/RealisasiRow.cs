using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// One unit's realisasi of one indicator in one run — the shape of a <c>unit_submissions</c> row. The read-model
/// calculator takes these as plain input, taken from the runs' (or their dashboard projections') unit tasks.
/// </summary>
public sealed record RealisasiRow(
    string RunId,
    string StepId,
    string OpdId,
    int Year,
    int Quarter,
    string UnitId,
    string IndicatorId,
    decimal Value,
    UnitTaskStatus Status,
    DateTimeOffset SubmittedAt)
{
    /// <summary>
    /// The rows held by <paramref name="runs"/>. Terminated runs give none: a run that was stopped is void, and its
    /// data never went through the review that the SOP requires before it is reported.
    /// </summary>
    public static IReadOnlyList<RealisasiRow> FromRuns(IEnumerable<SopRun> runs)
    {
        var rows = new List<RealisasiRow>();
        foreach (var run in runs)
        {
            if (run.Status == RunStatus.Terminated)
            {
                continue;
            }

            foreach (var step in run.Steps)
            {
                foreach (var task in step.UnitTasks)
                {
                    if (task.Submission is not { } submission)
                    {
                        continue;
                    }

                    foreach (var entry in submission.Realisasi)
                    {
                        rows.Add(new RealisasiRow(run.Id, step.StepId, run.OpdId, run.Period.Year, run.Period.Quarter, task.UnitId,
                            entry.IndicatorId, entry.Value, task.Status, submission.SubmittedAt));
                    }
                }
            }
        }

        return rows;
    }
}
