using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Runs.Reconciliation;
using SakipServerless.Functions.Durable;

namespace SakipServerless.Functions.Timers;

/// <summary>
/// Nightly, the projection-vs-orchestration audit of the durable engine (<see cref="RunReconciliation"/>): every
/// difference becomes a warning in Application Insights. In embedded mode there are no orchestrations to compare.
/// </summary>
/// <remarks>19:00 UTC is 02:00 WIB, 03:00 WITA, 04:00 WIT: outside office hours in every Indonesian zone.</remarks>
public sealed class RunReconciliationTimer(BoundDurableClient durable, IOptions<SakipOptions> options)
{
    public const string Name = "RunReconciliation";

    public const string Schedule = "0 0 19 * * *";

    [Function(Name)]
    public async Task<ReconciliationReport> RunAsync([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        if (!options.Value.Engine.IsDurable)
        {
            return ReconciliationReport.Nothing;
        }

        using (durable.Bind(client))
        {
            return await context.InstanceServices.GetRequiredService<RunReconciliation>().RunAsync(context.CancellationToken);
        }
    }
}
