namespace SakipServerless.Api.Scheduling;

/// <summary>What one pass of the <see cref="ScheduledRunStarter"/> did.</summary>
/// <param name="Started">Ids of the runs it started.</param>
/// <param name="Existing">Starts another writer had made first (a race lost, harmlessly).</param>
/// <param name="Failed">Starts refused (e.g. an OPD without units) or pemda that could not be read; retried next pass.</param>
public sealed record ScheduledStartsResult(IReadOnlyList<string> Started, int Existing, int Failed)
{
    public static ScheduledStartsResult None { get; } = new([], 0, 0);

    public static ScheduledStartsResult operator +(ScheduledStartsResult a, ScheduledStartsResult b) =>
        new([.. a.Started, .. b.Started], a.Existing + b.Existing, a.Failed + b.Failed);
}
