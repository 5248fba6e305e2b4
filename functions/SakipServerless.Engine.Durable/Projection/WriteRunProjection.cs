using Microsoft.DurableTask;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Engine.Durable.Projection;

/// <summary>
/// The activity that writes a run's projection through the Core storage port: state, history, outbox (where the
/// notification dispatcher picks it up), unit submissions, due key and idempotency record, in the store's one atomic write.
/// </summary>
/// <remarks>
/// Activities run at least once. A retry after a write that did happen meets the version guard; when the stored run
/// already has this write's version the activity reports success without writing again, so the projection sees each
/// transition once. A creation whose run id is stored already counts the same way; one refused because another run
/// has the natural key is reported, not thrown, since it is the user's conflict rather than a fault.
/// </remarks>
public sealed class WriteRunProjection(IRunStore runs) : TaskActivity<string, ProjectionResult>
{
    public override async Task<ProjectionResult> RunAsync(TaskActivityContext context, string input)
    {
        var write = ProjectionWrite.Parse(input);
        var run = RunJson.Deserialize(write.RunJson);
        try
        {
            if (write.ExpectedVersion is { } expected)
            {
                await runs.SaveAsync(run, expected, write.Idempotency);
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
            if ((await runs.FindAsync(run.TenantId, run.Id))?.Version >= write.Version)
            {
                return new ProjectionResult(true);
            }

            throw; // not this orchestration's earlier attempt: a second writer, which the single-writer rule excludes
        }
    }
}
