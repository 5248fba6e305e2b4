using Microsoft.DurableTask;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Engine.Durable.Projection;

/// <summary>
/// The activity that writes a run's projection through the Core storage port: state, history, outbox (where the
/// notification dispatcher picks it up), unit submissions, due key and idempotency record, in the store's one atomic write.
/// </summary>
/// <remarks>
/// <para>Activities run at least once. A retry after a write that did happen finds the projection already holding it
/// and reports success without writing again, so the projection sees each transition once; so does a late duplicate
/// that finds later writes of the same orchestration on top of it. A creation whose run id is stored already counts
/// the same way; one refused because another run has the natural key is reported, not thrown, since it is the user's
/// conflict rather than a fault.</para>
/// <para><b>Diverged projections.</b> The orchestration is the run's only writer, yet the projection can hold a write
/// it never committed: the Azure Storage backend sends an episode's activity messages before it saves the episode's
/// history, so a host that dies in between leaves a write that lands while the recovery episode decides again, maybe
/// another command first. Such a projection is neither this write's base nor this write: the activity reports it as
/// diverged, with the stored version, and the orchestration sends its whole run as a <see cref="ProjectionWrite.Rewrite"/>,
/// which replaces the stored run (<see cref="IRunStore.RewriteAsync"/>). Refusing it instead failed the orchestration
/// and so the run, for good.</para>
/// <para>An answer already stored under the write's idempotency key stands (the first outcome of a key is the one a
/// retry gets), so the write goes without it: that is a lost episode's record of the same command, or a client that
/// reused its key for another request at the same time.</para>
/// </remarks>
public sealed class WriteRunProjection(IRunStore runs, IEnumerable<IProjectionAnswers> answers) : TaskActivity<string, ProjectionResult>
{
    public override async Task<ProjectionResult> RunAsync(TaskActivityContext context, string input)
    {
        var write = ProjectionWrite.Parse(input);
        if (write.Idempotency is { } keyed && await runs.FindIdempotencyAsync(keyed.TenantId, keyed.Key) is not null)
        {
            write = write with { Idempotency = null };
        }

        if (write.ExpectedVersion is null)
        {
            return await CreateAsync(write);
        }

        var stored = await runs.FindAsync(write.TenantId, write.RunId) ?? throw new InvalidOperationException($"Run {write.RunId} has no projection to follow.");
        if (write.IsStoredIn(stored))
        {
            return ProjectionResult.Stored(write);
        }

        if (!write.Rewrite && !write.Follows(stored))
        {
            return ProjectionResult.DivergedAt(write, stored.Version);
        }

        if (write.Rewrite && stored.Version != write.ExpectedVersion)
        {
            return ProjectionResult.DivergedAt(write, stored.Version); // another lost write landed since: rewrite past it
        }

        var run = write.Rewrite
            ? RunJson.DeserializeState(write.StateJson, write.NewEvents)
            : RunJson.DeserializeState(write.StateJson, stored.History.Concat(write.NewEvents));
        write = await WithAnswerAsync(write, run);
        try
        {
            if (write.Rewrite)
            {
                await runs.RewriteAsync(run, stored.Version, write.Idempotency);
            }
            else
            {
                await runs.SaveAsync(run, stored.Version, write.Idempotency);
            }

            return ProjectionResult.Stored(write);
        }
        catch (ConcurrencyConflictException)
        {
            // Something wrote between the read and the write: an attempt running beside this one, a lost episode's
            // write, or (for the key) another run's command under the same key. The next attempt decides on what is there.
            var now = await runs.FindAsync(write.TenantId, write.RunId);
            if (now is not null && write.IsStoredIn(now))
            {
                return ProjectionResult.Stored(write);
            }

            if (now is not null && now.Version == stored.Version && write.Idempotency is { } record && await runs.FindIdempotencyAsync(record.TenantId, record.Key) is not null)
            {
                return await RunAsync(context, (write with { Idempotency = null }).ToJson());
            }

            return ProjectionResult.DivergedAt(write, now?.Version ?? stored.Version);
        }
    }

    private async Task<ProjectionResult> CreateAsync(ProjectionWrite write)
    {
        var run = RunJson.DeserializeState(write.StateJson, write.NewEvents);
        write = await WithAnswerAsync(write, run);
        try
        {
            await runs.CreateAsync(run, write.Idempotency);
            return ProjectionResult.Stored(write);
        }
        catch (RunAlreadyExistsException e)
        {
            return e.ExistingRunId == run.Id ? ProjectionResult.Stored(write) : new ProjectionResult(false, e.ExistingRunId, e.Message, Token: write.Token);
        }
    }

    /// <summary>The write with its idempotency record's answer rendered from the run as it will be stored.</summary>
    private async Task<ProjectionWrite> WithAnswerAsync(ProjectionWrite write, SopRun run) =>
        write.Idempotency is { } record && answers.LastOrDefault() is { } renderer
            ? write with { Idempotency = record with { ResponseJson = await renderer.RenderAsync(run.Copy(), record.StatusCode, CancellationToken.None) } }
            : write;
}
