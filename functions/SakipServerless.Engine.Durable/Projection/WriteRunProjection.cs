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
public sealed class WriteRunProjection(IRunStore runs, IEnumerable<IProjectionAnswers> answers) : TaskActivity<string, ProjectionResult>
{
    public override async Task<ProjectionResult> RunAsync(TaskActivityContext context, string input)
    {
        var write = ProjectionWrite.Parse(input);
        var run = RunJson.Deserialize(write.RunJson);
        if (write.Idempotency is { } record && answers.LastOrDefault() is { } renderer)
        {
            write = write with { Idempotency = record with { ResponseJson = await renderer.RenderAsync(run.Copy(), record.StatusCode, CancellationToken.None) } };
        }

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
            if (await runs.FindAsync(run.TenantId, run.Id) is { } stored && IsThisWrite(stored, run))
            {
                return new ProjectionResult(true);
            }

            throw; // not this orchestration's earlier attempt: a second writer, which the single-writer rule excludes
        }
    }

    /// <summary>The stored run is this write (an earlier attempt succeeded), not a later change by someone else: same version, same last event.</summary>
    private static bool IsThisWrite(SopRun stored, SopRun run) =>
        stored.Version == run.Version && stored.History.Count == run.History.Count && stored.History[^1] == run.History[^1];
}
