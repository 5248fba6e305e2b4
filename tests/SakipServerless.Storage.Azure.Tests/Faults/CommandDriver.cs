using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Contract;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// Sends run commands to a store the way the API's run service does: an idempotency key per command, checked before
/// deciding and after a version conflict, the aggregate deciding on fresh state, the save guarded by the version.
/// Storage failures the caller is meant to handle come back as <see cref="CommandOutcome.FailedCleanly"/>; anything
/// else escapes, so a test sees it.
/// </summary>
public sealed class CommandDriver(IRunStore store, ContractClock clock)
{
    private const int MaxConflicts = 5;

    public async Task<CommandOutcome> StartAsync(SopRun run, string key, CancellationToken ct = default)
    {
        try
        {
            if (await store.FindIdempotencyAsync(run.TenantId, key, ct) is not null)
            {
                return CommandOutcome.Recognised;
            }

            await store.CreateAsync(run, Record(run.TenantId, key, run), ct);
            return CommandOutcome.Applied;
        }
        catch (Exception e) when (IsClean(e))
        {
            return CommandOutcome.FailedCleanly;
        }
    }

    public async Task<CommandOutcome> ExecuteAsync(string tenantId, string runId, string key, RunCommand command, CancellationToken ct = default)
    {
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                if (await store.FindIdempotencyAsync(tenantId, key, ct) is not null)
                {
                    return CommandOutcome.Recognised;
                }

                var run = await store.FindAsync(tenantId, runId, ct) ?? throw new InvalidOperationException($"Run {runId} is not stored.");
                int version = run.Version;
                command.Apply(run, RunScript.At(clock.Now));
                try
                {
                    await store.SaveAsync(run, version, Record(tenantId, key, run), ct);
                    return CommandOutcome.Applied;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxConflicts)
                {
                    // A lost answer of our own write, or a competitor (the sweep): the key check above tells which.
                }
            }
        }
        catch (Exception e) when (IsClean(e))
        {
            return CommandOutcome.FailedCleanly;
        }
    }

    /// <summary>The sweep's part: escalate what is due now, each run with the version guard and no key; returns escalations applied.</summary>
    public async Task<(int Escalated, int Failed)> SweepAsync(CancellationToken ct = default)
    {
        int escalated = 0, failed = 0;
        IReadOnlyList<DueRun> due;
        try
        {
            due = await store.FindDueAsync(clock.Now, 100, ct);
        }
        catch (Exception e) when (IsClean(e))
        {
            return (0, 1);
        }

        foreach (var item in due)
        {
            try
            {
                var run = await store.FindAsync(item.TenantId, item.RunId, ct);
                int version = run?.Version ?? 0;
                if (run is not null && run.ProcessDeadlines(RunScript.At(clock.Now)) > 0)
                {
                    await store.SaveAsync(run, version, null, ct);
                    escalated++;
                }
            }
            catch (ConcurrencyConflictException)
            {
                // Someone moved the run first; the next sweep decides again on fresh state.
            }
            catch (Exception e) when (IsClean(e))
            {
                failed++;
            }
        }

        return (escalated, failed);
    }

    /// <summary>What a caller of the store is meant to handle: the adapter's storage failure and cancellation (timeouts).</summary>
    public static bool IsClean(Exception e) => e is CosmosStorageException or OperationCanceledException;

    private IdempotencyRecord Record(string tenantId, string key, SopRun run) =>
        new(tenantId, key, "driver", key, 200, $$"""{"id":"{{run.Id}}","version":{{run.Version}}}""", clock.Now);
}
