using Microsoft.DurableTask;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Engine.Durable.Projection;

/// <summary>
/// The activity that writes a run's projection through the Core storage port: state, history, outbox (where the
/// notification dispatcher picks it up), unit submissions, due key and idempotency record, in the store's one atomic write.
/// </summary>
/// <remarks>
/// Activities run at least once. A retry after a write that did happen finds the projection already at this write
/// (same version, same last event) and reports success without writing again, so the projection sees each transition
/// once. A creation whose run id is stored already counts the same way; one refused because another run has the
/// natural key is reported, not thrown, since it is the user's conflict rather than a fault. A projection at any other
/// version means a second writer, which the single-writer rule excludes: that is thrown as a conflict.
/// </remarks>
public sealed class WriteRunProjection(IRunStore runs, IEnumerable<IProjectionAnswers> answers) : TaskActivity<string, ProjectionResult>
{
    public override async Task<ProjectionResult> RunAsync(TaskActivityContext context, string input)
    {
        var write = ProjectionWrite.Parse(input);
        SopRun run;
        if (write.ExpectedVersion is not { } expected)
        {
            run = RunJson.DeserializeState(write.StateJson, write.NewEvents);
        }
        else
        {
            var stored = await runs.FindAsync(write.TenantId, write.RunId) ?? throw new InvalidOperationException($"Run {write.RunId} has no projection to follow.");
            if (write.IsStoredIn(stored))
            {
                return new ProjectionResult(true);
            }

            if (stored.Version != expected || stored.History.Count != write.HistoryBefore)
            {
                throw new ConcurrencyConflictException(write.RunId, expected);
            }

            run = RunJson.DeserializeState(write.StateJson, stored.History.Concat(write.NewEvents));
        }

        if (write.Idempotency is { } record && answers.LastOrDefault() is { } renderer)
        {
            write = write with { Idempotency = record with { ResponseJson = await renderer.RenderAsync(run.Copy(), record.StatusCode, CancellationToken.None) } };
        }

        try
        {
            if (write.ExpectedVersion is { } version)
            {
                await runs.SaveAsync(run, version, write.Idempotency);
            }
            else
            {
                await runs.CreateAsync(run, write.Idempotency);
            }

            return new ProjectionResult(true);
        }
        catch (RunAlreadyExistsException e)
        {
            return e.ExistingRunId == run.Id ? new ProjectionResult(true) : new ProjectionResult(false, e.ExistingRunId, e.Message);
        }
        catch (ConcurrencyConflictException)
        {
            if (await runs.FindAsync(write.TenantId, write.RunId) is { } stored && write.IsStoredIn(stored))
            {
                return new ProjectionResult(true); // an attempt running beside this one wrote it first
            }

            throw;
        }
    }
}
